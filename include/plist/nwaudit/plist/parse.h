#pragma once

#include <span>
#include <string_view>

#include "nwaudit/base/expected.h"
#include "nwaudit/plist/value.h"
#include "nwaudit/source/source.h"

namespace nwaudit::plist {

// The top-level keys a reader uses. When the top level is a dictionary, only these entries are
// converted; the others are left out, their values checked no further than well-formed XML or a
// sound binary layout. Empty: every entry.
using KeySelection = std::span<const std::string_view>;

// Parses a property list held in memory, XML or binary by its first bytes. `name` (the
// Mac path) is carried into every Error, with a line for XML and a byte offset for binary.
// Limits: limits::kMaxNestingDepth, limits::kMaxPlistValues.
Expected<Value> parse(std::string_view bytes, std::string_view name, KeySelection keys = {});
Expected<Value> parse_xml(std::string_view bytes, std::string_view name, KeySelection keys = {});
Expected<Value> parse_binary(std::string_view bytes, std::string_view name, KeySelection keys = {});

// Reads a property list through the source, refusing files over limits::kMaxPlistBytes.
Expected<Value> read(const Source& source, std::string_view path, KeySelection keys = {});

}  // namespace nwaudit::plist
