#pragma once

#include <string>
#include <string_view>

// Untrusted text in CommonMark / GitHub-flavoured Markdown: each function first makes the text
// displayable(), then escapes it so that it shows as written and never becomes markup.
namespace nwaudit::report {

// For a paragraph: inline syntax escaped everywhere, block syntax (headings, lists, quotes,
// setext underlines) at the start of each line, leading blanks dropped so that nothing
// becomes an indented code block. Newlines are kept.
std::string markdown_text(std::string_view text);

// For a heading or a bold label: markdown_text() on one line.
std::string markdown_inline(std::string_view text);

// For a GFM table cell: markdown_text() with the lines joined by <br>.
std::string markdown_cell(std::string_view text);

// A code span on one line, its backtick delimiters longer than any run of backticks inside.
std::string markdown_code(std::string_view text);

// markdown_code() for a GFM table cell, where even inside a code span "|" must be escaped.
std::string markdown_code_cell(std::string_view text);

// A fenced code block, its fence longer than any run of backticks inside; ends with a newline.
std::string markdown_fence(std::string_view code, std::string_view language);

// [title](url) for an http(s) URL, else the escaped title followed by any URL as a code span.
std::string markdown_link(std::string_view title, std::string_view url);

}  // namespace nwaudit::report
