#pragma once

#include "nwaudit/compare/comparison.h"

namespace nwaudit::diff {

// A cause of the verdict on `here` (side `side`) that is not one on `there`, in words: what it
// is on `here`, and how the same thing stands on `there`, from its facts or its findings.
CauseDifference describe_cause(const Finding& cause, Side side, const AuditedMac& here, const AuditedMac& there);

}  // namespace nwaudit::diff
