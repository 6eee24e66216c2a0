#include "nwaudit/capture/syslog_style_line.h"

#include <array>

#include "nwaudit/capture/text_lines.h"

namespace nwaudit::capture {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "YYYY-MM-DD HH:MM:SS": digits everywhere but at the separators.
bool is_date_and_time(std::string_view text) {
  constexpr std::string_view kShape = "dddd-dd-dd dd:dd:dd";
  if (text.size() < kShape.size()) return false;
  for (std::size_t at = 0; at < kShape.size(); ++at) {
    if (kShape[at] == 'd' ? !is_digit(text[at]) : text[at] != kShape[at]) return false;
  }
  return true;
}

// The length of the time at the start of the line: the date and time, optional fractional
// seconds, and a "+hhmm" or "-hhmm" offset; 0 when the line does not start with one.
std::size_t time_length(std::string_view line) {
  if (!is_date_and_time(line)) return 0;
  std::size_t at = 19;
  if (at < line.size() && line[at] == '.') {
    const std::size_t digits_start = ++at;
    while (at < line.size() && is_digit(line[at])) ++at;
    if (at == digits_start) return 0;
  }
  if (at + 5 > line.size() || (line[at] != '+' && line[at] != '-')) return 0;
  for (std::size_t digit = at + 1; digit < at + 5; ++digit) {
    if (!is_digit(line[digit])) return 0;
  }
  return at + 5;
}

struct ProcessAndPid {
  std::string_view process;
  std::int64_t pid;
  std::size_t end;  // just past "]:"
};

// Longest "process[pid]:" looked for: macOS names processes after their executable, at most
// 255 bytes, so this bounds the search on a hostile line.
constexpr std::size_t kMaxProcessField = 512;

// The first "NAME[DIGITS]:" in the text, NAME being everything before the bracket.
std::optional<ProcessAndPid> process_and_pid(std::string_view text) {
  text = text.substr(0, kMaxProcessField);
  for (std::size_t close = text.find("]:"); close != std::string_view::npos; close = text.find("]:", close + 1)) {
    const std::size_t open = text.rfind('[', close);
    if (open == std::string_view::npos || open == 0) continue;
    const auto pid = parse_integer(text.substr(open + 1, close - open - 1));
    const std::string_view process = trim(text.substr(0, open));
    if (!pid || *pid < 0 || process.empty()) continue;
    return ProcessAndPid{process, *pid, close + 2};
  }
  return std::nullopt;
}

}  // namespace

std::optional<SyslogStyleEntry> parse_syslog_style_line(std::string_view line) {
  const std::size_t time_end = time_length(line);
  if (time_end == 0) return std::nullopt;
  const std::string_view after_time = line.substr(time_end);
  const std::size_t host_start = after_time.find_first_not_of(" \t");
  if (host_start == 0 || host_start == std::string_view::npos) return std::nullopt;
  const std::string_view host_and_rest = after_time.substr(host_start);
  const std::size_t host_end = host_and_rest.find_first_of(" \t");
  if (host_end == std::string_view::npos) return std::nullopt;
  const auto found = process_and_pid(host_and_rest.substr(host_end));
  if (!found) return std::nullopt;
  std::string_view message = host_and_rest.substr(host_end + found->end);
  if (!message.empty() && message.front() == ' ') message.remove_prefix(1);
  return SyslogStyleEntry{line.substr(0, time_end), found->process, found->pid, message};
}

bool is_log_show_banner(std::string_view line) {
  line = trim(line);
  constexpr std::array<std::string_view, 5> kStarts = {"Timestamp ", "Filtering the log data", "Skipping info and debug",
                                                       "Log ", "Activity "};
  for (std::string_view start : kStarts) {
    if (line.starts_with(start)) return true;
  }
  return line.size() >= 3 && line.find_first_not_of('-') == std::string_view::npos;
}

}  // namespace nwaudit::capture
