#pragma once

#include <string_view>

#include "nwaudit/base/expected.h"
#include "nwaudit/plist/value.h"
#include "nwaudit/source/source.h"

namespace nwaudit::plist {

// Parses a property list held in memory, XML or binary by its first bytes. `name` (the
// Mac path) is carried into every Error, with a line for XML and a byte offset for binary.
// Limits: limits::kMaxNestingDepth, limits::kMaxPlistValues.
Expected<Value> parse(std::string_view bytes, std::string_view name);
Expected<Value> parse_xml(std::string_view bytes, std::string_view name);
Expected<Value> parse_binary(std::string_view bytes, std::string_view name);

// Reads a property list through the source, refusing files over limits::kMaxPlistBytes.
Expected<Value> read(const Source& source, std::string_view path);

}  // namespace nwaudit::plist
