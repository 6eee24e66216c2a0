#include "nwaudit/capture/log_network_capture.h"

#include <fmt/format.h>

#include <array>
#include <optional>

#include "nwaudit/capture/syslog_style_line.h"

namespace nwaudit::capture {
namespace {

constexpr std::string_view kFilterEvent = "net_filter_event: new state (";
constexpr std::string_view kSocketFunctions = "nw_socket";
constexpr std::string_view kOutOfDescriptors = "Too many open files";
constexpr std::string_view kBacktrace = "dumping backtrace";

// enum net_filter_event_subsystems (xnu bsd/skywalk/lib/net_filter_event.h), from bit 0.
constexpr std::array<std::string_view, 7> kFilterBits = {
    "pf", "socket", "interface", "ip", "application-firewall", "parental-controls", "pf-private-proxy"};

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// A line of a message that runs over several lines: indented (a backtrace, a connection's summary).
bool continues_message(std::string_view line) { return line.front() == ' ' || line.front() == '\t'; }

// "... new state (0x2a) socket ip ..." -> 0x2a
std::optional<std::uint32_t> filter_state(std::string_view message) {
  std::string_view rest = message.substr(message.find(kFilterEvent) + kFilterEvent.size());
  const auto value = parse_hex(rest.substr(0, rest.find(')')));
  if (!value || *value > UINT32_MAX) return std::nullopt;
  return static_cast<std::uint32_t>(*value);
}

}  // namespace

std::vector<std::string> filter_state_names(std::uint32_t state) {
  std::vector<std::string> names;
  for (std::uint32_t bit = 0; bit < 32; ++bit) {
    const std::uint32_t mask = std::uint32_t{1} << bit;
    if ((state & mask) == 0) continue;
    if (bit < kFilterBits.size()) {
      names.emplace_back(kFilterBits[bit]);
      continue;
    }
    names.push_back(fmt::format("{:#x}", mask));
  }
  return names;
}

LogNetworkCapture parse_log_network(std::string_view text) {
  LogNetworkCapture result;
  // Network.framework logs a failure, then may log it again with its backtrace: one failure.
  std::optional<std::int64_t> pid_of_last_failure;
  for (const Line& line : split_lines(text)) {
    const auto entry = parse_syslog_style_line(line.text);
    if (!entry) {
      const std::string_view content = trim(line.text);
      if (continues_message(line.text) || is_log_show_banner(content) || is_command_echo(content, {"log"})) continue;
      result.problems.push_back(
          line_problem(line.number, "not an entry of `log show --style syslog`: " + quoted_excerpt(content)));
      continue;
    }
    const bool repeats_failure = pid_of_last_failure == entry->pid && contains(entry->message, kBacktrace);
    pid_of_last_failure.reset();
    if (contains(entry->message, kFilterEvent)) {
      if (const auto state = filter_state(entry->message)) {
        result.filter_changes.push_back({std::string(entry->time), *state});
      } else {
        result.problems.push_back(line_problem(
            line.number, "a filter-state change without its state in hex: " + quoted_excerpt(entry->message)));
      }
    } else if (contains(entry->message, kSocketFunctions) && contains(entry->message, kOutOfDescriptors)) {
      pid_of_last_failure = entry->pid;
      if (repeats_failure) continue;
      result.descriptor_failures.push_back({std::string(entry->time), std::string(entry->process), entry->pid});
    } else {
      result.problems.push_back(line_problem(
          line.number, "neither a filter-state change nor a socket failure: " + quoted_excerpt(entry->message)));
    }
  }
  return result;
}

}  // namespace nwaudit::capture
