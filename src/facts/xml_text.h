#pragma once

#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace nwaudit {

// The text with what XML 1.0 cannot carry replaced by U+FFFD: bytes that are not UTF-8,
// and control characters other than tab, newline and carriage return. Captured output and
// plist strings come from files nwaudit did not write.
std::string valid_xml_text(std::string_view text);

// valid_xml_text() applied to every attribute value and text node below `node`.
void make_valid_xml(pugi::xml_node node);

}  // namespace nwaudit
