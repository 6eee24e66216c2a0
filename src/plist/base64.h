#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "nwaudit/plist/value.h"

namespace nwaudit::plist {

// Decodes base64, skipping ASCII white space anywhere (XML plists wrap <data> lines).
// Returns nullopt on any other character outside the alphabet or on bad padding.
std::optional<Data> decode_base64(std::string_view text);

std::string encode_base64(const Data& bytes);

}  // namespace nwaudit::plist
