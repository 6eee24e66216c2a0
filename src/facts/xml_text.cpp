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

bool needs_change(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte >= 0x20 && byte < 0x80) {
      ++at;
      continue;
    }
    const std::size_t length = xml_character_length(text, at);
    if (length == 0) return true;
    at += length;
  }
  return false;
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

void make_valid_xml(pugi::xml_node node) {
  for (pugi::xml_attribute attribute : node.attributes()) {
    if (needs_change(attribute.value())) attribute.set_value(valid_xml_text(attribute.value()).c_str());
  }
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      if (needs_change(child.value())) child.set_value(valid_xml_text(child.value()).c_str());
    } else {
      make_valid_xml(child);
    }
  }
}

}  // namespace nwaudit
