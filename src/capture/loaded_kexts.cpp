#include "nwaudit/capture/loaded_kexts.h"

#include <limits>
#include <utility>

#include "nwaudit/base/expected.h"

namespace nwaudit::capture {
namespace {

// Lines that kextstat, kmutil and panic reports print around the rows.
bool is_preamble(std::string_view content) {
  for (std::string_view start : {"Executing: ", "No variant specified", "System uptime in nanoseconds:",
                                 "last loaded kext at ", "last unloaded kext at ", "last started kext at ",
                                 "last stopped kext at "}) {
    if (content.starts_with(start)) return true;
  }
  return content == "loaded kexts:" || content == "(none)";
}

bool is_column_header(const std::vector<std::string_view>& fields) {
  return fields.size() >= 2 && fields[0] == "Index" && fields[1] == "Refs";
}

// The load tags and reference counts of the rows: 32-bit numbers in the kernel.
bool is_int(std::string_view text) {
  const auto value = parse_integer(text);
  return value && *value >= std::numeric_limits<int>::min() && *value <= std::numeric_limits<int>::max();
}

// "52A1E876-863E-38E3-AC80-09BBAB13B752"
bool is_uuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool dash_position = i == 8 || i == 13 || i == 18 || i == 23;
    const bool hex = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    if (dash_position ? c != '-' : !hex) return false;
  }
  return true;
}

// The text of line after part, a view into it.
std::string_view text_after(std::string_view line, std::string_view part) {
  return line.substr(static_cast<std::size_t>(part.data() + part.size() - line.data()));
}

// "<139 132 131 1>" (or "<>"): load tags; a number the capture cut short is not checked.
Expected<void> check_linked_against(std::string_view text, const Line& line, LoadedKext& kext) {
  const auto close = text.find('>');
  const std::string_view list = text.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1);
  const auto numbers = split_fields(list);
  const bool last_is_cut = close == std::string_view::npos && !list.empty() && list.back() != ' ' && list.back() != '\t';
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    if (last_is_cut && i + 1 == numbers.size()) break;
    if (!is_int(numbers[i])) return line_problem(line.number, "unreadable linked-against list: " + quoted_excerpt(text));
  }
  kext.truncated = close == std::string_view::npos;
  if (!kext.truncated && !trim(text.substr(close + 1)).empty()) {
    return line_problem(line.number,
                        "unexpected text after the linked-against list: " + quoted_excerpt(trim(text.substr(close + 1))));
  }
  return {};
}

// What follows the bundle id: "(1.0) 23FDB715-3D0D-3A26-ACBA-E3794C231CB7 <7 5 4 1>"; older
// kextstat has no UUID, and its built-in entries no list either.
Expected<void> read_version_and_links(std::string_view text, const Line& line, LoadedKext& kext) {
  const auto problem = [&](std::string reason) { return line_problem(line.number, std::move(reason)); };
  text = trim(text);
  if (text.empty()) {
    kext.truncated = true;
    return {};
  }
  if (text.front() != '(') return problem("expected \"(version)\" after the bundle id: " + quoted_excerpt(text));
  const auto close = text.find(')');
  if (close == std::string_view::npos) {
    kext.truncated = true;
    return {};
  }
  kext.version = trim(text.substr(1, close - 1));
  text = trim(text.substr(close + 1));
  if (!text.empty() && text.front() != '<') {
    const std::string_view token = text.substr(0, text.find_first_of(" \t"));
    text = trim(text_after(text, token));
    if (!is_uuid(token) && !text.empty()) return problem("expected a UUID after the version: " + quoted_excerpt(token));
    if (!is_uuid(token)) {
      kext.truncated = true;  // a UUID the capture cut short
      return {};
    }
  }
  if (text.empty()) return {};
  if (text.front() != '<') return problem("unexpected text after the UUID: " + quoted_excerpt(text));
  return check_linked_against(text, line, kext);
}

// Index Refs Address Size Wired Name (Version) UUID <Linked Against>
void read_table_row(const Line& line, std::string_view content, const std::vector<std::string_view>& fields,
                    LoadedKexts& result) {
  constexpr std::size_t kNameColumn = 5;
  if (fields.size() <= kNameColumn) {
    result.problems.push_back(line_problem(line.number, "row ends before its Name column: " + quoted_excerpt(content)));
    return;
  }
  // Address, size and wired size are hex ("0x7000"), or "0" for built-in entries.
  const bool numbers = is_int(fields[0]) && is_int(fields[1]) && parse_hex(fields[2]) && parse_hex(fields[3]) &&
                       parse_hex(fields[4]);
  if (!numbers || !is_dotted_name(fields[kNameColumn])) {
    result.problems.push_back(line_problem(line.number, "not a kextstat row: " + quoted_excerpt(content)));
    return;
  }
  LoadedKext kext;
  kext.bundle_id = fields[kNameColumn];
  auto read = read_version_and_links(text_after(content, fields[kNameColumn]), line, kext);
  result.kexts.push_back(std::move(kext));
  if (!read) result.problems.push_back(std::move(read).error());
}

// Panic reports shorten bundle ids (xnu's kext_panic_report.h): a leading character stands for a
// common prefix, and '!' plus a letter for a common word anywhere after it.
std::string_view panic_prefix(char mark) {
  constexpr std::pair<char, std::string_view> kPrefixes[] = {
      {'>', "com.apple.driver."}, {'|', "com.apple.iokit."}, {'$', "com.apple.security."}, {'@', "com.apple."}};
  for (const auto& [candidate, prefix] : kPrefixes) {
    if (candidate == mark) return prefix;
  }
  return {};
}

std::string_view panic_word(char letter) {
  constexpr std::pair<char, std::string_view> kWords[] = {{'U', "AppleUSB"}, {'A', "Apple"},      {'F', "Family"},
                                                         {'S', "Storage"},  {'C', "Controller"}, {'B', "Bluetooth"},
                                                         {'I', "Intel"}};
  for (const auto& [candidate, word] : kWords) {
    if (candidate == letter) return word;
  }
  return {};
}

std::string expand_panic_bundle_id(std::string_view id) {
  std::string expanded(id.empty() ? std::string_view() : panic_prefix(id.front()));
  if (!expanded.empty()) id.remove_prefix(1);
  for (std::size_t i = 0; i < id.size(); ++i) {
    const std::string_view word = id[i] == '!' && i + 1 < id.size() ? panic_word(id[i + 1]) : std::string_view();
    if (word.empty()) {
      expanded += id[i];
    } else {
      expanded += word;
      ++i;
    }
  }
  return expanded;
}

// "at.obdev.nke.LittleSnitch<TAB>4740" (tabs may have become spaces); the version may contain a
// space ("7.0 15052.710728"), so it is the rest of the line.
bool read_panic_row(std::string_view content, const std::vector<std::string_view>& fields, LoadedKexts& result) {
  std::string bundle_id = expand_panic_bundle_id(fields[0]);
  if (!is_dotted_name(bundle_id)) return false;
  LoadedKext kext;
  kext.bundle_id = std::move(bundle_id);
  kext.version = trim(text_after(content, fields[0]));
  kext.truncated = kext.version.empty();
  result.kexts.push_back(std::move(kext));
  return true;
}

}  // namespace

LoadedKexts parse_loaded_kexts(std::string_view text) {
  LoadedKexts result;
  for (const Line& line : split_lines(text)) {
    const std::string_view content = trim(line.text);
    if (is_preamble(content) || is_command_echo(content, {"kextstat", "kmutil"})) continue;
    const auto fields = split_fields(content);
    if (is_column_header(fields)) continue;
    if (parse_integer(fields[0])) {
      read_table_row(line, content, fields, result);
    } else if (!read_panic_row(content, fields, result)) {
      result.problems.push_back(line_problem(line.number, "not a loaded kext: " + quoted_excerpt(content)));
    }
  }
  return result;
}

}  // namespace nwaudit::capture
