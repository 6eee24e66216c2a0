#include "capture/text_lines.h"

namespace nwaudit::capture {
namespace {

constexpr std::string_view kBlank = " \t";

// "% cmd", "$ cmd", "# cmd" alone, or "user@host dir % cmd" as zsh and bash print them.
bool is_prompt(std::string_view line) {
  line = trim(line);
  if (line.size() >= 2 && (line[0] == '%' || line[0] == '$' || line[0] == '#') && line[1] == ' ') return true;
  const auto at = line.find('@');
  if (at == std::string_view::npos || at == 0 || line.find_first_of(kBlank) < at) return false;
  for (std::string_view marker : {" % ", " $ ", " # "}) {
    if (line.find(marker, at) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(kBlank);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kBlank) - first + 1);
}

std::vector<Line> split_lines(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<Line> lines;
  std::size_t number = 0;
  while (!text.empty()) {
    const auto end = text.find_first_of("\r\n");
    std::string_view line = text.substr(0, end);
    ++number;
    if (end == std::string_view::npos) {
      text = {};
    } else {
      const bool crlf = text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n';
      text.remove_prefix(end + (crlf ? 2 : 1));
    }
    if (trim(line).empty() || is_prompt(line)) continue;
    lines.push_back({number, line});
  }
  return lines;
}

std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = line.find_first_not_of(kBlank);
  while (start != std::string_view::npos) {
    const auto end = line.find_first_of(kBlank, start);
    fields.push_back(line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    start = end == std::string_view::npos ? end : line.find_first_not_of(kBlank, end);
  }
  return fields;
}

}  // namespace nwaudit::capture
