#pragma once

#include <string_view>

#include "nwaudit/plist/parse.h"

namespace nwaudit::plist {

// Whether an entry of a dictionary is one the reader asked for, `keys` being that dictionary's
// (empty: every one).
bool is_selected(std::span<const std::string_view> keys, std::string_view key);

}  // namespace nwaudit::plist
