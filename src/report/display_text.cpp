#include "display_text.h"

#include <optional>

#include "nwaudit/base/utf8.h"

namespace nwaudit::report {
namespace {

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
    const std::optional<CodePoint> point = decode_utf8(text, at);
    if (!point) {
      shown += kReplacementCharacter;
      ++at;
      continue;
    }
    if (point->value == '\t') shown += ' ';
    else if (is_inert(point->value)) shown.append(text.substr(at, point->length));
    else shown += kReplacementCharacter;
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
