#include "text_wrap.h"

#include "display_text.h"

namespace nwaudit::report {

std::vector<std::string> wrap_tokens(const std::vector<std::string>& tokens, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t line_width = 0;
  for (const std::string& token : tokens) {
    if (token.empty()) continue;
    const std::size_t token_width = display_width(token);
    if (!line.empty() && line_width + 1 + token_width > width) {
      lines.push_back(std::move(line));
      line.clear();
      line_width = 0;
    }
    if (!line.empty()) {
      line += ' ';
      ++line_width;
    }
    line += token;
    line_width += token_width;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

std::vector<std::string> split_words(std::string_view line) {
  std::vector<std::string> words;
  for (std::size_t at = 0; at < line.size();) {
    const std::size_t space = line.find(' ', at);
    const std::size_t stop = space == std::string_view::npos ? line.size() : space;
    if (stop > at) words.emplace_back(line.substr(at, stop - at));
    at = stop + 1;
  }
  return words;
}

std::vector<std::string> wrap_words(std::string_view text, std::size_t width) {
  std::vector<std::string> lines;
  while (true) {
    const std::size_t end = text.find('\n');
    std::vector<std::string> wrapped = wrap_tokens(split_words(text.substr(0, end)), width);
    if (wrapped.empty()) wrapped.emplace_back();
    lines.insert(lines.end(), wrapped.begin(), wrapped.end());
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

}  // namespace nwaudit::report
