#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace nwaudit::capture {

// One entry as `log show --style syslog` prints it:
//   "2023-05-26 13:42:44.136082+0200  localhost kernel[0]: (Sandbox) Sandbox: ..."
// the time with its UTC offset, the host, the process (whose name may hold spaces) and its pid,
// then the message, which may start with the sender in parentheses and "[subsystem:category]".
// The host is not kept: a report must not carry the Mac's name.
struct SyslogStyleEntry {
  std::string_view time;  // "2023-05-26 13:42:44.136082+0200", as printed
  std::string_view process;
  std::int64_t pid = 0;
  std::string_view message;
};

// The entry a line holds; nothing when the line does not start with a time of that shape or
// has no "process[pid]: " after the host.
std::optional<SyslogStyleEntry> parse_syslog_style_line(std::string_view line);

// Lines `log show` prints around the entries: its column header ("Timestamp (process)[PID]"),
// "Filtering the log data using ...", "Skipping info and debug messages ...", and the summary
// at the end (a line of dashes, "Log - Default: ...", "Activity - Create: ...").
bool is_log_show_banner(std::string_view line);

}  // namespace nwaudit::capture
