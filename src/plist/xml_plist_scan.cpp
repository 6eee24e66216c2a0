#include "xml_plist_scan.h"

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "key_selection.h"

namespace nwaudit::plist {
namespace {

// Above this the file is parsed in full; it also keeps the value count of the selected
// entries far below limits::kMaxPlistValues, which only the full reader checks.
constexpr std::size_t kMaxScannedBytes = std::size_t{1} << 20;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// What an ASCII character may be in a name: 1 its start, 2 the rest of it. Names with other
// bytes are left to the full reader.
constexpr std::array<std::uint8_t, 256> kNameCharacters = [] {
  std::array<std::uint8_t, 256> table{};
  for (int c = 'A'; c <= 'Z'; ++c) table[static_cast<std::size_t>(c)] = table[static_cast<std::size_t>(c - 'A' + 'a')] = 1;
  table['_'] = table[':'] = 1;
  for (int c = '0'; c <= '9'; ++c) table[static_cast<std::size_t>(c)] = 2;
  table['-'] = table['.'] = 2;
  return table;
}();
bool is_name_start(char c) { return kNameCharacters[static_cast<unsigned char>(c)] == 1; }
bool is_name_char(char c) { return kNameCharacters[static_cast<unsigned char>(c)] != 0; }

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// A <string> element whose content needs no XML processing: the content as it is.
std::optional<Value> plain_string(std::string_view element) {
  constexpr std::string_view kOpen = "<string>";
  constexpr std::string_view kClose = "</string>";
  if (element.size() < kOpen.size() + kClose.size() || element.substr(0, kOpen.size()) != kOpen ||
      element.substr(element.size() - kClose.size()) != kClose) {
    return std::nullopt;
  }
  const std::string_view content = element.substr(kOpen.size(), element.size() - kOpen.size() - kClose.size());
  if (content.find_first_of("<&") != std::string_view::npos) return std::nullopt;
  return Value(std::string(content));
}

// Every method answers false when the text is not in the shape this scanner takes.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  std::optional<Value> top_level(KeySelection keys, const EntryParser& parse_entry) {
    if (!prolog()) return std::nullopt;
    const bool in_plist = starts("<plist");
    if (in_plist && (!open_tag("plist") || !skip_misc())) return std::nullopt;
    Dictionary top;
    if (!dictionary(top, keys, 1, parse_entry)) return std::nullopt;
    if (in_plist && (!skip_misc() || !close_tag("plist"))) return std::nullopt;
    if (!skip_misc() || at_ != text_.size()) return std::nullopt;
    return std::optional<Value>(std::in_place, std::move(top));
  }

 private:
  // The <dict> at at_, the `depth`th container from the top: the entries `keys` selects go
  // into `entries`. False when it is not in the shape this scanner takes.
  bool dictionary(Dictionary& entries, KeySelection keys, std::size_t depth, const EntryParser& parse_entry) {
    if (!open_tag("dict")) return false;
    for (;;) {
      if (!skip_misc()) return false;
      if (starts("</")) {
        if (!close_tag("dict")) return false;
        break;
      }
      std::string_view key;
      if (!key_element(key) || !skip_misc()) return false;
      if (!is_selected(keys.top, key)) {
        if (!skip_element()) return false;
        continue;
      }
      if (!add_selected(entries, key, keys.for_values(), depth, parse_entry)) return false;
    }
    // The full reader makes a keyed archive's UID of this.
    return !(entries.size() == 1 && entries.begin()->first == "CF$UID");
  }

  // The value element at at_, inside `held_by` containers, as `entries`' entry `key`, with
  // `keys` selecting its own entries.
  bool add_selected(Dictionary& entries, std::string_view key, KeySelection keys, std::size_t held_by,
                    const EntryParser& parse_entry) {
    if (!keys.top.empty() && starts("<dict>")) {
      Dictionary nested;
      if (!dictionary(nested, keys, held_by + 1, parse_entry)) return false;
      entries.insert_or_assign(std::string(key), Value(std::move(nested)));
      return true;
    }
    const std::size_t value_start = at_;
    if (!skip_element()) return false;
    const std::string_view element = text_.substr(value_start, at_ - value_start);
    std::optional<Value> value = plain_string(element);
    if (!value) value = parse_entry(element, held_by, keys);
    if (!value) return false;
    entries.insert_or_assign(std::string(key), std::move(*value));
    return true;
  }

  bool starts(std::string_view prefix) const {
    return at_ <= text_.size() && text_.size() - at_ >= prefix.size() && text_.compare(at_, prefix.size(), prefix) == 0;
  }

  bool skip_past(std::string_view end) {
    const std::size_t found = text_.find(end, at_);
    if (found == std::string_view::npos) return false;
    at_ = found + end.size();
    return true;
  }

  bool skip_comment() {
    at_ += 4;  // "<!--"
    const std::size_t end = text_.find("--", at_);
    if (end == std::string_view::npos || text_.substr(end, 3) != "-->") return false;
    at_ = end + 3;
    return true;
  }

  // White space and comments, where markup may come next.
  bool skip_misc() {
    for (;;) {
      while (at_ < text_.size() && is_space(text_[at_])) ++at_;
      if (!starts("<!--")) return true;
      if (!skip_comment()) return false;
    }
  }

  // An optional UTF-8 byte order mark and declaration, then white space, comments and at most
  // one DOCTYPE without an internal subset.
  bool prolog() {
    if (starts("\xEF\xBB\xBF")) at_ += 3;
    if (starts("<?xml") && at_ + 5 < text_.size() && is_space(text_[at_ + 5])) {
      const std::size_t end = text_.find("?>", at_);
      if (end == std::string_view::npos || !utf8_declared(text_.substr(at_, end - at_))) return false;
      at_ = end + 2;
    }
    if (!skip_misc()) return false;
    if (starts("<!DOCTYPE")) {
      for (at_ += 9; at_ < text_.size() && text_[at_] != '>'; ++at_) {
        if (text_[at_] == '[' || text_[at_] == '<') return false;
        if (text_[at_] == '"' || text_[at_] == '\'') {
          const std::size_t close = text_.find(text_[at_], at_ + 1);
          if (close == std::string_view::npos) return false;
          at_ = close;
        }
      }
      if (at_ == text_.size()) return false;
      ++at_;
      if (!skip_misc()) return false;
    }
    return at_ < text_.size() && text_[at_] == '<' && at_ + 1 < text_.size() && is_name_start(text_[at_ + 1]);
  }

  // The declaration names no encoding, or UTF-8.
  static bool utf8_declared(std::string_view declaration) {
    const std::size_t name = declaration.find("encoding");
    if (name == std::string_view::npos) return true;
    std::size_t at = declaration.find_first_of("\"'", name);
    if (at == std::string_view::npos) return false;
    const std::size_t close = declaration.find(declaration[at], at + 1);
    if (close == std::string_view::npos) return false;
    return equal_ignoring_case(declaration.substr(at + 1, close - at - 1), "utf-8");
  }

  std::string_view name() {
    const std::size_t start = at_;
    if (at_ >= text_.size() || !is_name_start(text_[at_])) return {};
    while (at_ < text_.size() && is_name_char(text_[at_])) ++at_;
    return text_.substr(start, at_ - start);
  }

  void skip_spaces() {
    while (at_ < text_.size() && is_space(text_[at_])) ++at_;
  }

  // A start tag at at_, attributes and all; `empty` says it closes itself.
  bool start_tag(std::string_view& element, bool& empty) {
    if (at_ >= text_.size() || text_[at_] != '<') return false;
    const char* const first = text_.data() + at_ + 1;
    const char* const end = text_.data() + text_.size();
    const char* next = first;
    if (next == end || !is_name_start(*next)) return false;
    while (++next != end && is_name_char(*next)) {
    }
    element = std::string_view(first, static_cast<std::size_t>(next - first));
    at_ = static_cast<std::size_t>(next - text_.data());
    if (next != end && *next == '>') {  // the common case: no attributes
      empty = false;
      ++at_;
      return true;
    }
    return rest_of_start_tag(empty);
  }

  // Attributes, then the end of a start tag.
  bool rest_of_start_tag(bool& empty) {
    for (;;) {
      const std::size_t before = at_;
      skip_spaces();
      if (at_ >= text_.size()) return false;
      if (text_[at_] == '>' || starts("/>")) {
        empty = text_[at_] == '/';
        at_ += empty ? 2 : 1;
        return true;
      }
      if (at_ == before || name().empty()) return false;
      skip_spaces();
      if (!starts("=")) return false;
      ++at_;
      skip_spaces();
      if (at_ >= text_.size() || (text_[at_] != '"' && text_[at_] != '\'')) return false;
      const std::size_t close = text_.find(text_[at_], at_ + 1);
      if (close == std::string_view::npos ||
          text_.substr(at_, close - at_).find_first_of("<&") != std::string_view::npos) {
        return false;
      }
      at_ = close + 1;
    }
  }

  bool open_tag(std::string_view expected) {
    std::string_view element;
    bool empty = false;
    return start_tag(element, empty) && element == expected && !empty;
  }

  bool close_tag(std::string_view expected) {
    const std::size_t name_at = at_ + 2;
    const std::size_t after = name_at + expected.size();
    if (after >= text_.size() || text_[at_] != '<' || text_[at_ + 1] != '/' ||
        std::char_traits<char>::compare(text_.data() + name_at, expected.data(), expected.size()) != 0) {
      return false;
    }
    at_ = after;
    if (text_[at_] != '>') {
      if (is_name_char(text_[at_])) return false;
      skip_spaces();
      if (at_ >= text_.size() || text_[at_] != '>') return false;
    }
    ++at_;
    return true;
  }

  // <key>plain text</key>
  bool key_element(std::string_view& key) {
    if (!starts("<key>")) return false;
    at_ += 5;
    const std::size_t end = text_.find('<', at_);
    if (end == std::string_view::npos) return false;
    key = text_.substr(at_, end - at_);
    at_ = end;
    return key.find('&') == std::string_view::npos && close_tag("key");
  }

  // Past the element whose start tag is at at_, with everything it holds.
  bool skip_element() {
    if (!starts("<")) return false;
    std::string_view element;
    bool empty = false;
    if (!start_tag(element, empty)) return false;
    if (empty) return true;
    open_.assign(1, element);
    while (!open_.empty()) {
      const std::size_t markup = text_.find('<', at_);
      if (markup == std::string_view::npos || markup + 1 == text_.size()) return false;
      at_ = markup;
      const char next = text_[markup + 1];
      if (next == '/') {
        if (!close_tag(open_.back())) return false;
        open_.pop_back();
      } else if (next == '!') {
        if (starts("<!--")) {
          if (!skip_comment()) return false;
        } else if (!starts("<![CDATA[") || !skip_past("]]>")) {
          return false;
        }
      } else {
        if (!start_tag(element, empty)) return false;
        if (!empty) open_.push_back(element);
      }
    }
    return true;
  }

  std::string_view text_;
  std::size_t at_ = 0;
  std::vector<std::string_view> open_;  // the elements skip_element is inside
};

}  // namespace

std::optional<Value> scan_selected_entries(std::string_view text, KeySelection keys, const EntryParser& parse_entry) {
  if (keys.selects_all() || text.size() > kMaxScannedBytes || text.find('\0') != std::string_view::npos ||
      text.find('\r') != std::string_view::npos) {
    return std::nullopt;
  }
  return Scanner(text).top_level(keys, parse_entry);
}

}  // namespace nwaudit::plist
