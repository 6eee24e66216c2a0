#pragma once

#include "nwaudit/probe/observation.h"
#include "text_blocks.h"

namespace nwaudit::report {

// The "Observed" block of the text formats: the path and how it was measured, the
// connections a probe opened, the census (for a probe, "before → after" where a count
// changed), the descriptor limits with their warnings, the evidence and the problems.
void write_measurement(TextOutput& out, const Measurement& measurement);

}  // namespace nwaudit::report
