#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace nwaudit::capture {

// One line of captured command output, numbered from 1 as in the file.
struct Line {
  std::size_t number = 0;
  std::string_view text;  // without its line ending
};

// A line a parser could not make sense of; the parser skips it and goes on.
struct ParseProblem {
  std::size_t line = 0;
  std::string reason;
};

// Splits captured output into lines. Handles LF, CRLF and lone CR endings, a UTF-8 byte
// order mark, and drops blank lines and shell-prompt lines pasted above the output
// ("% kextstat", "$ sudo pfctl -s rules", "user@host ~ % ifconfig -v").
std::vector<Line> split_lines(std::string_view text);

// Whitespace-separated fields (any run of spaces and tabs).
std::vector<std::string_view> split_fields(std::string_view line);

// The text without leading and trailing spaces and tabs.
std::string_view trim(std::string_view text);

}  // namespace nwaudit::capture
