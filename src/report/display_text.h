#pragma once

#include <string>
#include <string_view>

namespace nwaudit::report {

// Strings in a report come from the audited Mac and from rule files, so before they reach a
// terminal or a Markdown renderer they are made inert: bytes that are not UTF-8, control
// characters (escape sequences, carriage returns, C1 controls) and bidirectional overrides
// become U+FFFD, and a tab becomes a space. Newlines are kept.
std::string displayable(std::string_view text);

// displayable(), with each newline (and the blanks around it) turned into one space.
std::string one_line(std::string_view text);

// Columns the text takes, counting one per code point (wide CJK characters are counted as one).
std::size_t display_width(std::string_view text);

}  // namespace nwaudit::report
