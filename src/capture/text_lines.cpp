#include "nwaudit/capture/text_lines.h"

#include <algorithm>
#include <charconv>

namespace nwaudit::capture {
namespace {

constexpr std::string_view kBlank = " \t";

// Plain loops rather than find_first_of: that makes a memchr call per character, which is
// slow under AddressSanitizer, and captures are scanned character by character a lot.
bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::size_t skip_blanks(std::string_view text, std::size_t at) {
  while (at < text.size() && is_blank(text[at])) ++at;
  return at;
}

std::size_t skip_non_blanks(std::string_view text, std::size_t at) {
  while (at < text.size() && !is_blank(text[at])) ++at;
  return at;
}

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
  const std::size_t first = skip_blanks(text, 0);
  std::size_t last = text.size();
  while (last > first && is_blank(text[last - 1])) --last;
  return text.substr(first, last - first);
}

std::vector<Line> split_lines(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<Line> lines;
  std::size_t number = 0;
  while (!text.empty()) {
    std::size_t end = 0;
    while (end < text.size() && text[end] != '\r' && text[end] != '\n') ++end;
    std::string_view line = text.substr(0, end);
    ++number;
    if (end == text.size()) {
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

std::size_t count_lines(std::string_view text) {
  std::size_t lines = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (text[at] == '\n' || (text[at] == '\r' && (at + 1 == text.size() || text[at + 1] != '\n'))) ++lines;
  }
  const bool ends_unterminated = !text.empty() && text.back() != '\n' && text.back() != '\r';
  return lines + (ends_unterminated ? 1 : 0);
}

std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> fields;
  for (std::size_t start = skip_blanks(line, 0); start < line.size();) {
    const std::size_t end = skip_non_blanks(line, start);
    fields.push_back(line.substr(start, end - start));
    start = skip_blanks(line, end);
  }
  return fields;
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || stop != end) return std::nullopt;
  return value;
}

bool is_dotted_name(std::string_view text) {
  std::size_t parts = 0;
  while (true) {
    const auto dot = text.find('.');
    const std::string_view part = text.substr(0, dot);
    const bool part_ok = !part.empty() && std::all_of(part.begin(), part.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
    if (!part_ok) return false;
    ++parts;
    if (dot == std::string_view::npos) return parts >= 2;
    text.remove_prefix(dot + 1);
  }
}

namespace {

// "host:dir user$" (macOS bash's default prompt), which is_prompt above does not know.
bool starts_with_bash_prompt(const std::vector<std::string_view>& fields) {
  if (fields.size() < 2) return false;
  const auto colon = fields[0].find(':');
  const bool host_and_dir = colon != std::string_view::npos && colon > 0 && colon + 1 < fields[0].size();
  const std::string_view user = fields[1];
  return host_and_dir && user.size() >= 2 && (user.back() == '$' || user.back() == '#');
}

}  // namespace

bool is_command_echo(std::string_view line, std::initializer_list<std::string_view> commands) {
  const auto fields = split_fields(line);
  if (fields.empty()) return false;
  if (starts_with_bash_prompt(fields)) return true;
  std::string_view program = fields[0] == "sudo" && fields.size() > 1 ? fields[1] : fields[0];
  const auto slash = program.rfind('/');
  if (slash != std::string_view::npos) program.remove_prefix(slash + 1);
  return std::find(commands.begin(), commands.end(), program) != commands.end();
}

std::optional<std::uint64_t> parse_hex(std::string_view text) {
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) text.remove_prefix(2);
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value, 16);
  if (text.empty() || error != std::errc() || stop != end) return std::nullopt;
  return value;
}

bool FlagBits::has(std::string_view name) const {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::optional<FlagBits> parse_flag_bits(std::string_view text) {
  const auto open = text.find('<');
  const auto value = parse_hex(text.substr(0, open));
  if (!value) return std::nullopt;
  FlagBits bits{*value, {}};
  if (open == std::string_view::npos) return bits;
  if (text.back() != '>') return std::nullopt;
  std::string_view list = text.substr(open + 1, text.size() - open - 2);
  while (!list.empty()) {
    const auto comma = list.find(',');
    if (const auto name = list.substr(0, comma); !name.empty()) bits.names.emplace_back(name);
    list.remove_prefix(comma == std::string_view::npos ? list.size() : comma + 1);
  }
  return bits;
}

Error line_problem(std::size_t line, std::string reason) {
  return Error{ErrorKind::malformed, {}, {}, std::move(reason), line};
}

std::string quoted_excerpt(std::string_view text) {
  constexpr std::size_t kMax = 60;
  std::string quoted = "'";
  quoted.append(text.substr(0, kMax));
  quoted.append(text.size() > kMax ? "...'" : "'");
  return quoted;
}

}  // namespace nwaudit::capture
