#include "text_scan.h"

#include <cctype>

#include "address_shapes.h"

namespace nwaudit::redact {
namespace {

constexpr std::string_view kUserFolders = "/Users/";
constexpr std::string_view kManagedPreferences = "/Library/Managed Preferences/";
constexpr std::string_view kLocalDomain = ".local";

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A byte of a folder or account name: ASCII word characters, dots, and any byte of a
// multi-byte UTF-8 character.
bool is_name_byte(char c) { return is_word_character(c) || c == '.' || static_cast<unsigned char>(c) >= 0x80; }

bool is_email_local_byte(char c) { return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; }

// A value stands alone at [start, end): no name character touches it, and a dot next to it
// is punctuation, not part of a longer dotted name.
bool stands_alone(std::string_view text, std::size_t start, std::size_t end) {
  if (start > 0) {
    const char before = text[start - 1];
    if (is_word_character(before)) return false;
    if (before == '.' && start > 1 && is_word_character(text[start - 2])) return false;
  }
  if (end < text.size()) {
    const char after = text[end];
    if (is_word_character(after)) return false;
    if (after == '.' && end + 1 < text.size() && is_word_character(text[end + 1])) return false;
  }
  return true;
}

std::string replace_known(std::string_view text, const Pseudonyms& names) {
  std::string result(text);
  for (const auto& [value, pseudonym, kind] : names.replaced()) {
    // Too short to tell from ordinary words; or a name someone gave, which may also be a
    // product's ("AnyConnect") and is replaced only where it stands as a name.
    if (value.size() < 3 || kind == Kind::name) continue;
    std::size_t at = 0;
    while ((at = result.find(value, at)) != std::string::npos) {
      if (stands_alone(result, at, at + value.size())) {
        result.replace(at, value.size(), pseudonym);
        at += pseudonym.size();
      } else {
        at += 1;
      }
    }
  }
  return result;
}

class Scanner {
 public:
  Scanner(std::string_view text, Pseudonyms& names) : text_(text), names_(names) {}

  std::string run() {
    while (at_ < text_.size()) {
      if (!(folder(kUserFolders, false) || folder(kManagedPreferences, true) || email() || mac() || ipv6() ||
            ipv4() || local_host())) {
        out_ += text_[at_++];
      }
    }
    return std::move(out_);
  }

 private:
  char before() const { return at_ > 0 ? text_[at_ - 1] : ' '; }
  char at(std::size_t index) const { return index < text_.size() ? text_[index] : ' '; }

  void emit(std::size_t length, std::string replacement) {
    out_ += replacement;
    at_ += length;
  }

  // PREFIX then a name: the name is a user's ("Shared" is every Mac's). With `needs_slash`,
  // only a name followed by '/' (a folder, not a file in PREFIX).
  bool folder(std::string_view prefix, bool needs_slash) {
    if (text_.substr(at_, prefix.size()) != prefix) return false;
    std::size_t end = at_ + prefix.size();
    while (end < text_.size() && is_name_byte(text_[end])) ++end;
    const std::string_view name = text_.substr(at_ + prefix.size(), end - at_ - prefix.size());
    if (name.empty() || name == "Shared" || (needs_slash && at(end) != '/')) return false;
    emit(end - at_, std::string(prefix) + names_.of(Kind::user, name));
    return true;
  }

  bool email() {
    if (!is_email_local_byte(text_[at_]) || is_email_local_byte(before())) return false;
    std::size_t sign = at_;
    while (sign < text_.size() && is_email_local_byte(text_[sign])) ++sign;
    if (sign == at_ || at(sign) != '@') return false;
    std::size_t end = sign + 1;
    while (end < text_.size() && (is_alnum(text_[end]) || text_[end] == '.' || text_[end] == '-')) ++end;
    while (end > sign + 1 && text_[end - 1] == '.') --end;
    const std::string_view domain = text_.substr(sign + 1, end - sign - 1);
    const std::size_t dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || domain.size() - dot < 3) return false;
    for (char c : domain.substr(dot + 1)) {
      if (!std::isalpha(static_cast<unsigned char>(c))) return false;
    }
    emit(end - at_, names_.of(Kind::email, text_.substr(at_, end - at_)));
    return true;
  }

  bool mac() {
    if (!is_hex(text_[at_]) || is_word_character(before()) || before() == ':') return false;
    const std::size_t length = mac_length(text_.substr(at_));
    if (length == 0 || is_word_character(at(at_ + length)) || at(at_ + length) == ':') return false;
    emit(length, names_.of(Kind::mac, text_.substr(at_, length)));
    return true;
  }

  bool ipv6() {
    const char first = text_[at_];
    if (!(is_hex(first) || first == ':') || is_word_character(before()) || before() == ':' || before() == '.') {
      return false;
    }
    const std::size_t length = ipv6_length(text_.substr(at_));
    if (length == 0 || is_word_character(at(at_ + length)) || at(at_ + length) == ':') return false;
    emit(length, names_.of(Kind::ipv6, text_.substr(at_, length)));
    return true;
  }

  bool ipv4() {
    if (!is_digit(text_[at_]) || is_word_character(before()) || before() == '.') return false;
    std::size_t end = at_;
    int dots = 0;
    while (end < text_.size() && (is_digit(text_[end]) || (text_[end] == '.' && dots < 3 && is_digit(at(end + 1))))) {
      if (text_[end] == '.') ++dots;
      ++end;
    }
    const std::string_view candidate = text_.substr(at_, end - at_);
    if (dots != 3 || !parse_ipv4(candidate) || is_word_character(at(end))) return false;
    // BSD tools print a port after one more dot ("192.0.2.1.443"); a further dot is a longer version.
    std::size_t after = end;
    if (at(after) == '.' && is_digit(at(after + 1))) {
      ++after;
      while (is_digit(at(after))) ++after;
      if (at(after) == '.' && is_digit(at(after + 1))) return false;
    }
    if (names_.kept(candidate)) return false;
    // "(1.2.3.4)" and "1.2.3.4/1.2.3.4": a version in kmutil and systemextensionsctl listings.
    if ((before() == '(' || before() == '/') && (at(after) == ')' || at(after) == '/')) return false;
    emit(end - at_, names_.of(Kind::ipv4, candidate));
    return true;
  }

  bool local_host() {
    if (!is_alnum(text_[at_]) || is_word_character(before()) || before() == '.') return false;
    std::size_t end = at_;
    while (end < text_.size() && (is_alnum(text_[end]) || text_[end] == '-')) ++end;
    if (text_.substr(end, kLocalDomain.size()) != kLocalDomain) return false;
    const std::size_t stop = end + kLocalDomain.size();
    if (is_word_character(at(stop)) || (at(stop) == '.' && is_word_character(at(stop + 1)))) return false;
    emit(end - at_, names_.of(Kind::host, text_.substr(at_, end - at_)));
    return true;
  }

  std::string_view text_;
  Pseudonyms& names_;
  std::size_t at_ = 0;
  std::string out_;
};

}  // namespace

bool is_word_character(char c) { return is_alnum(c) || c == '_' || c == '-'; }

std::string lower_case(std::string_view text) {
  std::string result(text);
  for (char& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

std::string redact_text(std::string_view text, Pseudonyms& names) {
  const std::string found = Scanner(text, names).run();
  return replace_known(found, names);
}

std::string redact_path(std::string_view path, Pseudonyms& names) {
  std::string result(path);
  for (std::string_view prefix : {kUserFolders, kManagedPreferences}) {
    std::size_t start = 0;
    while ((start = result.find(prefix, start)) != std::string::npos) {
      start += prefix.size();
      const std::size_t end = std::min(result.find('/', start), result.size());
      const std::string name = result.substr(start, end - start);
      const bool folder = prefix == kUserFolders || end < result.size();
      if (name.empty() || name == "Shared" || !folder) continue;
      const std::string pseudonym = names.of(Kind::user, name);
      result.replace(start, end - start, pseudonym);
      start += pseudonym.size();
    }
  }
  return result;
}

}  // namespace nwaudit::redact
