#pragma once

#include <string>
#include <string_view>

#include "pseudonyms.h"

namespace nwaudit::redact {

// Free text with personal values replaced: first what the patterns find (user folders
// /Users/NAME, e-mail addresses, MAC, IPv6 and IPv4 addresses, NAME.local host names), then
// every value the table has replaced so far (but names someone gave), wherever it stands as a
// whole word.
std::string redact_text(std::string_view text, Pseudonyms& names);

// A path with the personal folder names in it replaced: /Users/NAME and
// /Library/Managed Preferences/NAME/ (a user's managed preferences).
std::string redact_path(std::string_view path, Pseudonyms& names);

// Letters, digits, '_' and '-': what a name is made of, so not a boundary around one.
bool is_word_character(char c);

// The text in ASCII lower case, for comparing keys and addresses without case.
std::string lower_case(std::string_view text);

}  // namespace nwaudit::redact
