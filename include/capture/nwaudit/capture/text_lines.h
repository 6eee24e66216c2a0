#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nwaudit/base/error.h"

namespace nwaudit::capture {

// One line of captured command output, numbered from 1 as in the file.
struct Line {
  std::size_t number = 0;
  std::string_view text;  // without its line ending
};

// A line a parser could not make sense of, which it skips before going on: an Error (malformed)
// at that line. It has no path: the parser is given text, and its caller knows where it came from.
Error line_problem(std::size_t line, std::string reason);

// Splits captured output into lines. Handles LF, CRLF and lone CR endings, a UTF-8 byte
// order mark, and drops blank lines and shell-prompt lines pasted above the output
// ("% kextstat", "$ sudo pfctl -s rules", "user@host ~ % ifconfig -v").
std::vector<Line> split_lines(std::string_view text);

// How many lines split_lines numbers in the text, blank and prompt lines included.
std::size_t count_lines(std::string_view text);

// Whitespace-separated fields (any run of spaces and tabs).
std::vector<std::string_view> split_fields(std::string_view line);

// The text without leading and trailing spaces and tabs.
std::string_view trim(std::string_view text);

// The whole text as a decimal integer ("42", "-7"), or nothing.
std::optional<std::int64_t> parse_integer(std::string_view text);

// Two or more non-empty parts joined by dots, each of letters, digits, '-' and '_': the shape of
// bundle identifiers ("com.apple.driver.ACPI_SMC_PlatformPlugin") and sysctl names ("kern.bootargs").
bool is_dotted_name(std::string_view text);

// True for a line that only records how the capture was made and that split_lines keeps: a bash
// prompt ("host:dir user$ kextstat | grep -v com.apple", or a bare "host:~ user$"), or one of the
// commands typed without a prompt ("kextstat", "sudo /usr/bin/kmutil showloaded").
bool is_command_echo(std::string_view line, std::initializer_list<std::string_view> commands);

// The whole text as a hexadecimal number, with or without "0x" ("8863", "0x4483"), or nothing.
std::optional<std::uint64_t> parse_hex(std::string_view text);

// A flag word as ifconfig prints it: the value in hex, then the names of its set bits.
struct FlagBits {
  std::uint64_t value = 0;
  std::vector<std::string> names;

  bool has(std::string_view name) const;
};

// "8863<UP,BROADCAST,SMART>" (the text after "flags="), also "0x8863<...>", "0<>" and a bare
// "8863"; nothing when the value is not hex or the "<" list is not closed by a final ">".
std::optional<FlagBits> parse_flag_bits(std::string_view text);

// Text for a line problem's reason: in single quotes, cut to 60 characters ("...'" marks a cut).
std::string quoted_excerpt(std::string_view text);

}  // namespace nwaudit::capture
