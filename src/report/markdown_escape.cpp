#include "markdown_escape.h"

#include <algorithm>

#include "display_text.h"
#include "report_model.h"

namespace nwaudit::report {
namespace {

// Characters that can start inline markup anywhere in a line: emphasis, code, links, HTML and
// entities, GFM tables and strikethrough, GitHub's math.
constexpr std::string_view kInlineActive = "\\`*_[]<>&|~$";

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alphanumeric(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Whether line[at], one of kInlineActive, needs a backslash. Two are left bare where they
// cannot act, which keeps identifiers readable in pasted plain text: "_" between letters or
// digits (intraword underscores never emphasize) and "&" that does not begin an entity.
bool needs_escape(std::string_view line, std::size_t at) {
  const char c = line[at];
  if (c == '_') {
    return at == 0 || at + 1 >= line.size() || !is_alphanumeric(line[at - 1]) || !is_alphanumeric(line[at + 1]);
  }
  if (c == '&') {
    std::size_t end = at + 1;
    if (end < line.size() && line[end] == '#') ++end;
    const std::size_t name_start = end;
    while (end < line.size() && is_alphanumeric(line[end])) ++end;
    return end > name_start && end < line.size() && line[end] == ';';
  }
  return kInlineActive.find(c) != std::string_view::npos;
}

bool ends_marker(std::string_view line, std::size_t at) { return at >= line.size() || line[at] == ' '; }

// Where a backslash keeps the start of a line from opening a block: an ATX heading ("## x"),
// a list item ("- x", "+ x", "12. x", "3) x"), a thematic break or setext underline ("---",
// "==="). npos when the line starts none of them.
std::size_t block_marker_at(std::string_view line) {
  const char first = line.front();
  const std::size_t run = std::min(line.find_first_not_of(first), line.size());
  if (first == '#' && run <= 6 && ends_marker(line, run)) return 0;
  if ((first == '-' || first == '+') && ends_marker(line, 1)) return 0;
  if ((first == '-' || first == '=') && line.find_first_not_of(std::string(1, first) + " ") == std::string_view::npos) {
    return 0;
  }
  std::size_t digits = 0;
  while (digits < line.size() && digits < 10 && is_digit(line[digits])) ++digits;
  if (digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')') &&
      ends_marker(line, digits + 1)) {
    return digits;
  }
  return std::string_view::npos;
}

std::string escape_line(std::string_view line) {
  const std::size_t start = line.find_first_not_of(' ');
  if (start == std::string_view::npos) return "";
  line.remove_prefix(start);
  const std::size_t marker = block_marker_at(line);
  std::string escaped;
  escaped.reserve(line.size() + 8);
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (i == marker || needs_escape(line, i)) escaped += '\\';
    escaped += line[i];
  }
  return escaped;
}

std::size_t longest_backtick_run(std::string_view text) {
  std::size_t longest = 0, run = 0;
  for (const char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

std::string join_escaped_lines(std::string_view text, std::string_view separator) {
  const std::string shown = displayable(text);
  std::string joined;
  for (std::size_t at = 0; at <= shown.size();) {
    const std::size_t end = std::min(shown.find('\n', at), shown.size());
    if (at > 0) joined += separator;
    joined += escape_line(std::string_view(shown).substr(at, end - at));
    at = end + 1;
  }
  while (joined.size() >= separator.size() && !separator.empty() &&
         joined.compare(joined.size() - separator.size(), separator.size(), separator) == 0) {
    joined.resize(joined.size() - separator.size());
  }
  return joined;
}

}  // namespace

std::string markdown_text(std::string_view text) { return join_escaped_lines(text, "\n"); }

std::string markdown_inline(std::string_view text) { return escape_line(one_line(text)); }

std::string markdown_cell(std::string_view text) { return join_escaped_lines(text, "<br>"); }

std::string markdown_code(std::string_view text) {
  const std::string line = one_line(text);
  if (line.empty()) return "";
  const std::string fence(longest_backtick_run(line) + 1, '`');
  // A space on each side keeps a leading or trailing backtick from joining the delimiter.
  const bool pad = line.front() == '`' || line.back() == '`';
  return fence + (pad ? " " : "") + line + (pad ? " " : "") + fence;
}

std::string markdown_code_cell(std::string_view text) {
  std::string cell;
  for (const char c : markdown_code(text)) {
    if (c == '|') cell += '\\';
    cell += c;
  }
  return cell;
}

std::string markdown_fence(std::string_view code, std::string_view language) {
  std::string shown = displayable(code);
  while (!shown.empty() && shown.back() == '\n') shown.pop_back();
  const std::string fence(std::max<std::size_t>(3, longest_backtick_run(shown) + 1), '`');
  return fence + std::string(language) + "\n" + shown + "\n" + fence + "\n";
}

std::string markdown_link(std::string_view title, std::string_view url) {
  const std::string shown_url = one_line(url);
  const std::string shown_title = markdown_inline(title.empty() ? url : title);
  if (!is_web_url(shown_url)) {
    return shown_url.empty() ? shown_title : shown_title + " (" + markdown_code(shown_url) + ")";
  }
  std::string target;
  for (const char c : shown_url) {
    // Percent-encode what would end or confuse a link destination.
    if (c == ' ' || c == '(' || c == ')' || c == '<' || c == '>' || c == '`' || c == '\\') {
      static constexpr char kHex[] = "0123456789ABCDEF";
      const auto byte = static_cast<unsigned char>(c);
      target += '%';
      target += kHex[byte >> 4];
      target += kHex[byte & 0x0F];
    } else {
      target += c;
    }
  }
  return "[" + shown_title + "](" + target + ")";
}

}  // namespace nwaudit::report
