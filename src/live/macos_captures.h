#pragma once

#include <vector>

#include "nwaudit/live/live_source.h"

// The live Mac's captures, one maker per source of facts. macOS only; assembled by
// macos_live_captures(). Every Error a capture gives names the capture's path (/.nwaudit/NAME).
namespace nwaudit::live {

// sysctl.txt: the sysctls the collectors read, as `sysctl NAME...` prints them (sysctlbyname).
LiveCapture sysctl_capture();
// net.api_stats: the raw struct, as `sysctl -b net.api_stats` writes it.
LiveCapture api_stats_capture();
// loaded-kexts.plist: the running kernel's loaded kexts (IOKit), as an XML property list.
LiveCapture loaded_kexts_capture();
// The captures no API replaces, each the output of a command run with a timeout.
std::vector<LiveCapture> command_captures();

}  // namespace nwaudit::live
