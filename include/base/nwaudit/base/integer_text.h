#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace nwaudit {

// A whole number written as C and property lists write them: an optional sign, then decimal
// digits or 0x and hex digits. nullopt for anything else, or outside 64 signed bits.
std::optional<std::int64_t> parse_integer_text(std::string_view text);

}  // namespace nwaudit
