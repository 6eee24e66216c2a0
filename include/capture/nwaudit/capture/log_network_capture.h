#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nwaudit/capture/text_lines.h"

namespace nwaudit::capture {

// The kernel's "net_filter_event: new state (0x%x) %s" (xnu bsd/skywalk/lib/net_filter_event.c).
struct FilterStateChange {
  std::string time;
  std::uint32_t state = 0;  // the NET_FILTER_EVENT_* bits
};

// Network.framework's "nw_socket_initialize_socket ... [24: Too many open files]": a process
// that could not create a socket because it had used up its file descriptors.
struct SocketDescriptorFailure {
  std::string time;
  std::string process;
  std::int64_t pid = 0;
};

// The network history nwaudit asks the unified log for (nwaudit-facts(5), log-network.txt): the
// output of `log show --style syslog` with its predicate, in the order printed (oldest first).
// Lines that continue the message above (indented: a backtrace) are part of it.
struct LogNetworkCapture {
  std::vector<FilterStateChange> filter_changes;
  std::vector<SocketDescriptorFailure> descriptor_failures;
  std::vector<Error> problems;  // lines that could not be read
};

LogNetworkCapture parse_log_network(std::string_view text);

// The names of the bits set in a net_filter_event state, as net.filter_state prints them
// ("pf", "socket", "interface", "ip", "application-firewall", "parental-controls"), plus
// "pf-private-proxy" for bit 6, which net.filter_state leaves out, and "0x80"-style hex for a
// bit xnu does not define.
std::vector<std::string> filter_state_names(std::uint32_t state);

}  // namespace nwaudit::capture
