#pragma once

#include <string>

#include "nwaudit/probe/observation.h"

namespace nwaudit::report {

// The "Observed" section of the Markdown formats, under a heading at `heading_level`: how it
// was measured and the connections, a table of the census (before and after, for a probe),
// then the descriptor limits with their warnings, the evidence and the problems.
std::string markdown_measurement(const Measurement& measurement, int heading_level);

}  // namespace nwaudit::report
