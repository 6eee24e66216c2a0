#pragma once

#include <string>

#include "nwaudit/plist/value.h"

namespace nwaudit::plist {

// The value as an XML property list, as `plutil -convert xml1` would print it. UIDs are
// written as CF does, a dictionary with the single key "CF$UID".
std::string write_xml(const Value& value);

}  // namespace nwaudit::plist
