#include "xml_text.h"

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
  for (std::size_t at = 0; at < text.size();) {
    // Printable ASCII, by far the most of it, passes without decoding.
    if (static_cast<unsigned char>(static_cast<unsigned char>(text[at]) - 0x20u) < 0x60u) {
      ++at;
      continue;
    }
    const std::size_t length = xml_character_length(text, at);
    if (length == 0) return true;
    at += length;
  }
  return false;
}

}  // namespace nwaudit
