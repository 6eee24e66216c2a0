#pragma once

#include <string_view>

#include "nwaudit/base/expected.h"

namespace nwaudit::plist {

// Checks the structure of a "bplist00" file before it is decoded: the trailer, the
// offset table, every object reachable from the top one (its marker, its length and
// its references lie inside the file), dictionary keys that are strings without a NUL
// character, integers that fit in 64 signed bits, no reference cycle, nesting within
// limits::kMaxNestingDepth, and at most limits::kMaxPlistValues values and
// limits::kMaxPlistExpandedBytes bytes of strings and data once shared objects are expanded.
// Fails with the first problem, located by byte offset.
//
// libplist decodes the file afterwards; this check gives precise errors and keeps
// hostile files (deep, cyclic, or small files that expand to huge trees) away from it.
Expected<void> check_binary_plist_layout(std::string_view bytes, std::string_view name);

}  // namespace nwaudit::plist
