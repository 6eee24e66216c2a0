#include "report/display_text.h"

#include <optional>

namespace nwaudit::report {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

struct CodePoint {
  char32_t value;
  std::size_t length;
};

// The well-formed UTF-8 sequence at text[at], or nullopt (overlong forms, surrogates and
// values past U+10FFFF are not well-formed).
std::optional<CodePoint> decode(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return CodePoint{lead, 1};
  std::size_t length = 0;
  char32_t value = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    value = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    value = lead & 0x0Fu;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    value = lead & 0x07u;
  } else {
    return std::nullopt;
  }
  if (at + length > text.size()) return std::nullopt;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0u) != 0x80u) return std::nullopt;
    value = (value << 6) | (byte(at + i) & 0x3Fu);
  }
  const char32_t smallest = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
  if (value < smallest || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return std::nullopt;
  return CodePoint{value, length};
}

bool is_inert(char32_t c) {
  if (c < 0x20) return c == '\n';
  if (c >= 0x7F && c <= 0x9F) return false;                     // DEL and the C1 controls (0x9B is CSI)
  if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) return false;  // bidi embeddings, isolates
  return true;
}

}  // namespace

std::string displayable(std::string_view text) {
  std::string shown;
  shown.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const std::optional<CodePoint> point = decode(text, at);
    if (!point) {
      shown += kReplacement;
      ++at;
      continue;
    }
    if (point->value == '\t') shown += ' ';
    else if (is_inert(point->value)) shown.append(text.substr(at, point->length));
    else shown += kReplacement;
    at += point->length;
  }
  return shown;
}

std::string one_line(std::string_view text) {
  const std::string shown = displayable(text);
  std::string line;
  line.reserve(shown.size());
  for (std::size_t at = 0; at < shown.size(); ++at) {
    if (shown[at] != '\n') {
      line += shown[at];
      continue;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    while (at + 1 < shown.size() && (shown[at + 1] == ' ' || shown[at + 1] == '\n')) ++at;
    if (!line.empty() && at + 1 < shown.size()) line += ' ';
  }
  return line;
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (const char byte : text) {
    if ((static_cast<unsigned char>(byte) & 0xC0u) != 0x80u) ++width;  // count lead bytes only
  }
  return width;
}

}  // namespace nwaudit::report
