#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "nwaudit/capture/log_network_capture.h"
#include "nwaudit/capture/syslog_style_line.h"

using namespace nwaudit::capture;

namespace {

// The shape of `log show --style syslog` lines: a kernel line as HackTricks' macOS Sandbox page
// prints one, an app whose name has spaces and whose message runs over indented lines as in
// Flutter's simulator log tests; the messages are the kernel's and Network.framework's.
const std::string kCapture =
    "Timestamp                       (process)[PID]\n"
    "2026-11-28 09:14:03.512345+0100  Annas-MacBook-Pro kernel[0]: (kernel) net_filter_event: new state (0x2) socket\n"
    "2026-11-29 17:40:51.201877-0700  localhost kernel[0]: net_filter_event: new state (0x12) socket "
    "application-firewall\n"
    "2026-11-30 10:21:37.004512+0100  localhost My Feed Reader[4242]: (Network) [com.apple.network:connection] "
    "nw_socket_initialize_socket <private> Failed to create socket(2,1) [24: Too many open files]\n"
    "2026-11-30 10:21:37.004630+0100  localhost My Feed Reader[4242]: (Network) [com.apple.network:connection] "
    "nw_socket_initialize_socket Failed to create socket(2,1) [24: Too many open files], dumping backtrace:\n"
    "        [arm64] libnetcore-3100.140.3\n"
    "    0   Network                             0x00000001938e4564 __nw_create_backtrace_string + 192\n"
    "\t[C248.1.1:2] continued\n"
    "2026-11-30 10:21:39.118902+0100  localhost curl[77]: nw_socket_initialize_socket Failed to create socket(30,1) "
    "[24: Too many open files]\n"
    "2026-11-30 11:00:00.000001+0100  localhost kernel[0]: (kernel) net_filter_event: new state (0x0) \n"
    "--------------------------------------------------------------------------------------------------------------------\n"
    "Log      - Default:          4, Info:                0, Debug:             0, Error:          2, Fault:          0\n"
    "Activity - Create:           0, Transition:          0, Actions:           0\n";

}  // namespace

TEST_CASE("capture: log show --style syslog entries: time, process with spaces, pid, message; no host") {
  const auto entry = parse_syslog_style_line(
      "2023-05-26 13:42:44.136082+0200  localhost kernel[0]: (Sandbox) Sandbox: sandbox-exec(41398) deny(1) "
      "process-exec* /usr/bin/touch");
  REQUIRE(entry);
  CHECK(entry->time == "2023-05-26 13:42:44.136082+0200");
  CHECK(entry->process == "kernel");
  CHECK(entry->pid == 0);
  CHECK(entry->message.starts_with("(Sandbox) Sandbox: sandbox-exec(41398)"));

  const auto app = parse_syslog_style_line(
      "2020-03-11 15:58:28.207175-0700  localhost My Super Awesome App[72166]: (libnetwork.dylib) "
      "[com.apple.network:] [28 www.googleapis.com:443 stream, pid: 72166, tls] cancelled");
  REQUIRE(app);
  CHECK(app->process == "My Super Awesome App");
  CHECK(app->pid == 72166);
  CHECK(app->message.starts_with("(libnetwork.dylib) [com.apple.network:]"));

  const auto whole_seconds = parse_syslog_style_line("2024-01-01 12:00:00-0700 host app[1]: x");
  REQUIRE(whole_seconds);
  CHECK(whole_seconds->time == "2024-01-01 12:00:00-0700");
  CHECK(whole_seconds->message == "x");
}

TEST_CASE("capture: log show lines that are not entries") {
  for (const char* line : {"", "Timestamp (process)[PID]", "2024-01-01 12:00:00.1 localhost kernel[0]: no offset",
                           "2024-01-01 12:00:00.123+0100", "2024-01-01 12:00:00.123+0100  localhost",
                           "2024-01-01 12:00:00.123+0100  localhost kernel: no pid",
                           "2024-01-01 12:00:00.123+0100  localhost kernel[abc]: not a pid",
                           "2024-01-01 12:00:00.123+0100 localhost [12]: no process",
                           "2024-1-01 12:00:00.123+0100  localhost kernel[0]: short month",
                           "2024-01-01 12:00:00.+0100  localhost kernel[0]: empty fraction"}) {
    CAPTURE(line);
    CHECK_FALSE(parse_syslog_style_line(line));
  }
  CHECK(is_log_show_banner("Timestamp                       (process)[PID]"));
  CHECK(is_log_show_banner("Filtering the log data using \"composedMessage CONTAINS \\\"nw_socket\\\"\""));
  CHECK(is_log_show_banner("-----------------"));
  CHECK_FALSE(is_log_show_banner("nw_socket_initialize_socket"));
}

TEST_CASE("capture: log-network filter changes and descriptor failures, a backtrace counted once") {
  const auto parsed = parse_log_network(kCapture);
  CHECK(parsed.problems.empty());
  REQUIRE(parsed.filter_changes.size() == 3);
  CHECK(parsed.filter_changes[0].time == "2026-11-28 09:14:03.512345+0100");
  CHECK(parsed.filter_changes[0].state == 0x2);
  CHECK(parsed.filter_changes[1].state == 0x12);
  CHECK(parsed.filter_changes[1].time == "2026-11-29 17:40:51.201877-0700");
  CHECK(parsed.filter_changes[2].state == 0);
  REQUIRE(parsed.descriptor_failures.size() == 2);
  CHECK(parsed.descriptor_failures[0].process == "My Feed Reader");
  CHECK(parsed.descriptor_failures[0].pid == 4242);
  CHECK(parsed.descriptor_failures[0].time == "2026-11-30 10:21:37.004512+0100");
  CHECK(parsed.descriptor_failures[1].process == "curl");
  CHECK(parsed.descriptor_failures[1].pid == 77);
}

TEST_CASE("capture: log-network keeps a backtrace line that follows another process's failure") {
  const auto parsed = parse_log_network(
      "2026-11-30 10:21:37.0+0100  localhost a[1]: nw_socket_initialize_socket [24: Too many open files]\n"
      "2026-11-30 10:21:37.1+0100  localhost b[2]: nw_socket_initialize_socket [24: Too many open files], "
      "dumping backtrace:\n");
  CHECK(parsed.descriptor_failures.size() == 2);
}

TEST_CASE("capture: log-network malformed lines are problems, and the rest is read") {
  const auto parsed = parse_log_network(
      "% log show --style syslog --last 7d --predicate 'x'\n"
      "garbage at the top\n"
      "2026-11-28 09:14:03.5+0100  localhost kernel[0]: net_filter_event: new state (zz) socket\n"
      "2026-11-28 09:14:03.5+0100  localhost kernel[0]: net_filter_event: new state (0x123456789) socket\n"
      "2026-11-28 09:14:03.5+0100  localhost kernel[0]: net_filter_event: new state (0x8\n"
      "2026-11-28 09:14:04.5+0100  localhost kernel[0]: something else entirely\n"
      "2026-11-28 09:14:05.5+0100  localhost kernel[0]: net_filter_event: new state (0x4) interface\n");
  REQUIRE(parsed.problems.size() == 4);
  CHECK(parsed.problems[0].line == 2);
  CHECK(parsed.problems[0].reason.find("garbage at the top") != std::string::npos);
  CHECK(parsed.problems[1].line == 3);
  CHECK(parsed.problems[2].line == 4);
  CHECK(parsed.problems[3].line == 6);
  REQUIRE(parsed.filter_changes.size() == 2);
  CHECK(parsed.filter_changes[0].state == 0x8);
  CHECK(parsed.filter_changes[1].state == 0x4);
}

TEST_CASE("capture: log-network filter-state bits named as net.filter_state names them") {
  CHECK(filter_state_names(0).empty());
  CHECK(filter_state_names(0x2) == std::vector<std::string>{"socket"});
  CHECK(filter_state_names(0x3f) == std::vector<std::string>{"pf", "socket", "interface", "ip",
                                                              "application-firewall", "parental-controls"});
  CHECK(filter_state_names(0x40) == std::vector<std::string>{"pf-private-proxy"});
  CHECK(filter_state_names(0x80000081) == std::vector<std::string>{"pf", "0x80", "0x80000000"});
}

TEST_CASE("capture: log-network hostile input: huge lines and binary stay cheap and are problems") {
  std::string huge = "2026-11-28 09:14:03.5+0100  localhost ";
  for (int i = 0; i < 200'000; ++i) huge += "]:[";
  huge += "\n";
  std::string brackets(4u << 20, '[');
  brackets += "1]: nw_socket Too many open files\n";
  // A host name of bytes that are not text, control characters in the message, then a line of
  // binary that is no entry.
  constexpr char kBinary[] =
      "2026-11-28 09:14:03.5+0100  \0\xff\xfe app[1]: \x01\x02 net_filter_event: new state (0x2)\n"
      "\0\0\0\xff\xd8\xff\xe0 not text\n";
  const std::string binary(kBinary, sizeof kBinary - 1);
  const auto started = std::chrono::steady_clock::now();
  const auto parsed = parse_log_network(huge + brackets + binary);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
  CHECK(parsed.problems.size() == 3);
  for (const auto& problem : parsed.problems) CHECK(problem.reason.size() < 200);
  REQUIRE(parsed.filter_changes.size() == 1);
  CHECK(parsed.filter_changes[0].state == 0x2);
  CHECK(parsed.descriptor_failures.empty());
}
