#pragma once

#include <string_view>

#include "nwaudit/plist/parse.h"

namespace nwaudit::plist {

// Whether a top-level entry is one the reader asked for.
bool is_selected(KeySelection keys, std::string_view key);

}  // namespace nwaudit::plist
