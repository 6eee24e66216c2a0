#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// Where a snapshot keeps what is not a file of the Mac: the output of commands, captured
// by the live source or by whoever made the snapshot.
namespace nwaudit::collector {

// The largest captured command output read; real ones are a few hundred kilobytes at most.
inline constexpr std::size_t kMaxCaptureBytes = 8u << 20;

// The snapshot's captured command output: /.nwaudit/NAME.
inline std::string capture_path(std::string_view name) { return "/.nwaudit/" + std::string(name); }

}  // namespace nwaudit::collector
