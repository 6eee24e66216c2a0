#include "nwaudit/capture/sw_vers_capture.h"

namespace nwaudit::capture {

SwVersCapture parse_sw_vers(std::string_view text) {
  SwVersCapture result;
  for (const Line& line : split_lines(text)) {
    const std::string_view content = trim(line.text);
    if (is_command_echo(content, {"sw_vers"})) continue;
    const auto colon = content.find(':');
    const std::string_view key = content.substr(0, colon);
    const std::string_view value = colon == std::string_view::npos ? std::string_view() : trim(content.substr(colon + 1));
    if (key == "ProductName") {
      result.product = value;
    } else if (key == "ProductVersion") {
      result.version = value;
    } else if (key == "BuildVersion") {
      result.build = value;
    } else if (key != "ProductVersionExtra") {
      result.problems.push_back(line_problem(line.number, "not a sw_vers line: " + quoted_excerpt(content)));
    }
  }
  return result;
}

}  // namespace nwaudit::capture
