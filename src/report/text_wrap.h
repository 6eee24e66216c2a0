#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nwaudit::report {

// Lines of at most `width` columns made of whole tokens separated by single spaces. A token
// wider than `width` gets a line of its own and is never cut.
std::vector<std::string> wrap_tokens(const std::vector<std::string>& tokens, std::size_t width);

// The words of one line of text: what lies between spaces.
std::vector<std::string> split_words(std::string_view line);

// The text's words wrapped to `width` columns; its own newlines start new lines, and an
// empty line in it stays empty.
std::vector<std::string> wrap_words(std::string_view text, std::size_t width);

}  // namespace nwaudit::report
