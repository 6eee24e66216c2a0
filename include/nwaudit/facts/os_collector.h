#pragma once

#include "nwaudit/facts/facts.h"
#include "nwaudit/source/source.h"

namespace nwaudit {

// <os>: product name, version split into numbers, build, from SystemVersion.plist.
// A SystemVersion that is not macOS's (iOS, a fake) gives macos="false".
void collect_os(const Source& source, Facts& facts);

}  // namespace nwaudit
