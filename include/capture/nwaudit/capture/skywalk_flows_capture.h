#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nwaudit/base/error.h"

namespace nwaudit::capture {

// One row of `skywalkctl flow` (with or without -n): a flow the kernel's flow switch tracks.
struct SkywalkFlow {
  std::string protocol;   // "tcp4", "udp6", ...
  std::string interface;  // the NetIf column; empty when the table has none
  std::string process;    // the owner: "apsd", or "kernel_task" for a BSD socket's flow
  std::optional<std::int64_t> pid;
  // A flow the kernel owns (kernel_task) carries a BSD socket's packets; the app it serves is
  // in parentheses after it ("kernel_task.0(Safari.411)"). Any other owner holds a user-space
  // channel: Network.framework's own TCP/IP stack in that process.
  bool kernel = false;
  std::string on_behalf_of;  // the process in parentheses, without its pid; empty when none
  std::size_t line = 0;
};

struct SkywalkFlows {
  bool table_found = false;  // a flow table's header line was there: an empty table is an answer
  std::vector<SkywalkFlow> flows;
  std::vector<Error> problems;  // rows that could not be read
};

// The flow tables in skywalkctl output, alone or among the other skywalkctl commands a
// sysdiagnose's network-info/skywalk.txt holds: a table starts at a header line
// ("Proto Local Address Remote Address InBytes ... Process.PID") and ends at the first line that is
// not a flow row. The last column is the owner as NAME.PID; when the header shows where that
// column starts, a name with spaces is read whole.
SkywalkFlows parse_skywalk_flows(std::string_view text);

}  // namespace nwaudit::capture
