#include "nwaudit/capture/launchctl_limit_capture.h"

namespace nwaudit::capture {
namespace {

bool is_limit(std::string_view word) { return word == "unlimited" || parse_integer(word).value_or(-1) >= 0; }

}  // namespace

LaunchctlLimitCapture parse_launchctl_limit(std::string_view text) {
  LaunchctlLimitCapture result;
  for (const Line& line : split_lines(text)) {
    const std::string_view content = trim(line.text);
    if (is_command_echo(content, {"launchctl"})) continue;
    const std::vector<std::string_view> fields = split_fields(content);
    if (fields.size() != 3 || !is_limit(fields[1]) || !is_limit(fields[2])) {
      result.problems.push_back(line_problem(line.number, "not a \"name soft hard\" line: " + quoted_excerpt(content)));
    } else if (fields[0] == "maxfiles") {
      result.soft = std::string(fields[1]);
      result.hard = std::string(fields[2]);
    }
  }
  return result;
}

}  // namespace nwaudit::capture
