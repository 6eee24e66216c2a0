#pragma once

#include "nwaudit/plist/value.h"
#include "pseudonyms.h"

namespace nwaudit::redact {

// Replaces the personal values of a property list in place: those at known keys (personal_keys.h),
// also through a keyed archive's references, then patterns over every other string and key.
void redact_plist(plist::Value& root, Pseudonyms& names);

}  // namespace nwaudit::redact
