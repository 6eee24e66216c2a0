#pragma once

#include <string>
#include <string_view>

namespace nwaudit {

// The text with what XML 1.0 cannot carry replaced by U+FFFD: bytes that are not UTF-8,
// and control characters other than tab, newline and carriage return. Captured output and
// plist strings come from files nwaudit did not write.
std::string valid_xml_text(std::string_view text);

// Whether valid_xml_text() would change the text.
bool needs_valid_xml_text(std::string_view text);

}  // namespace nwaudit
