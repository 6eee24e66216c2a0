#include "xml_text.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "nwaudit/base/utf8.h"

namespace nwaudit {
namespace {

// Bytes of the XML character at text[at], or 0 when there is none: not UTF-8, a control
// character other than tab, newline and carriage return, or U+FFFE and U+FFFF.
std::size_t xml_character_length(std::string_view text, std::size_t at) {
  const std::optional<CodePoint> point = decode_utf8(text, at);
  if (!point) return 0;
  const char32_t c = point->value;
  if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return 0;
  if (c == 0xFFFE || c == 0xFFFF) return 0;
  return point->length;
}

// Whether all eight bytes are from 0x20 to 0x7F: no high bit, and none set by taking 0x20
// from each (a byte below 0x20 wraps, and only such a byte borrows from the next).
bool printable_ascii(std::uint64_t word) {
  constexpr std::uint64_t kOnes = 0x0101010101010101;
  return ((word | (word - kOnes * 0x20)) & (kOnes * 0x80)) == 0;
}

}  // namespace

std::string valid_xml_text(std::string_view text) {
  std::string valid;
  valid.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t length = xml_character_length(text, at);
    if (length == 0) {
      valid += kReplacementCharacter;
      ++at;
      continue;
    }
    valid.append(text.substr(at, length));
    at += length;
  }
  return valid;
}

bool needs_valid_xml_text(std::string_view text) {
  // Printable ASCII, by far the most of it, passes eight bytes at a time without decoding; the
  // last few bytes are padded with spaces to make up a word.
  constexpr std::uint64_t kSpaces = 0x2020202020202020;
  for (std::size_t at = 0; at < text.size();) {
    std::uint64_t word = kSpaces;
    const std::size_t taken = std::min(text.size() - at, sizeof word);
    std::memcpy(&word, text.data() + at, taken);
    if (printable_ascii(word)) {
      at += taken;
      continue;
    }
    const std::size_t length = xml_character_length(text, at);
    if (length == 0) return true;
    at += length;
  }
  return false;
}

}  // namespace nwaudit
