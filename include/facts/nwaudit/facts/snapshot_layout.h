#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// Where a snapshot keeps what is not a file of the Mac: the output of commands, captured
// by the live source or by whoever made the snapshot.
namespace nwaudit::collector {

// The largest captured command output read; real ones are a few hundred kilobytes at most.
inline constexpr std::size_t kMaxCaptureBytes = 8u << 20;

// log-network.txt: `log show --style syslog --last WINDOW --predicate PREDICATE`, the kernel's
// filter-state changes and Network.framework's sockets refused for want of a descriptor.
inline constexpr std::string_view kLogNetworkWindow = "7d";
inline constexpr std::string_view kLogNetworkPredicate =
    "eventMessage CONTAINS \"net_filter_event: new state\" OR "
    "(eventMessage CONTAINS \"Too many open files\" AND eventMessage CONTAINS \"nw_socket\")";

// The snapshot's captured command output: /.nwaudit/NAME.
inline constexpr std::string_view kCaptureFolder = "/.nwaudit/";
inline std::string capture_path(std::string_view name) { return std::string(kCaptureFolder).append(name); }
// Whether `path` is capture_path(name), without making it.
inline bool is_capture_path(std::string_view path, std::string_view name) {
  return path.size() == kCaptureFolder.size() + name.size() && path.starts_with(kCaptureFolder) &&
         path.ends_with(name);
}

}  // namespace nwaudit::collector
