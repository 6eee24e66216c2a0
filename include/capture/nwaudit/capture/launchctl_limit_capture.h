#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nwaudit/capture/text_lines.h"

namespace nwaudit::capture {

// `launchctl limit maxfiles` (or all of `launchctl limit`): "maxfiles  SOFT  HARD" with the
// limits launchd gives the processes it starts, each a number or "unlimited".
struct LaunchctlLimitCapture {
  std::optional<std::string> soft, hard;  // of maxfiles; nothing when the capture has no maxfiles line
  std::vector<Error> problems;            // lines that could not be read
};

LaunchctlLimitCapture parse_launchctl_limit(std::string_view text);

}  // namespace nwaudit::capture
