#pragma once

#include <cstddef>
#include <string_view>

namespace nwaudit {

// The text without XML white space (space, tab, CR, LF) at either end.
std::string_view trim_xml_space(std::string_view text);

// The 1-based line of a byte offset in text (offsets past the end count as the end).
std::size_t line_at_offset(std::string_view text, std::ptrdiff_t offset);

}  // namespace nwaudit
