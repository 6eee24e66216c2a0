#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace nwaudit {

inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

struct CodePoint {
  char32_t value;
  std::size_t length;  // bytes
};

// The well-formed UTF-8 sequence at text[at], or nullopt (overlong forms, surrogates and
// values past U+10FFFF are not well-formed).
std::optional<CodePoint> decode_utf8(std::string_view text, std::size_t at);

}  // namespace nwaudit
