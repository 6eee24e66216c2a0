#pragma once

#include <optional>

#include "options.h"
#include "nwaudit/probe/observation.h"

namespace nwaudit::cli {

// The measurement the options ask for: --lsof FILE, --pid PID, or else the probe of this
// process. nullopt after printing why not, with the exit status in `status`.
std::optional<Measurement> take_measurement(const MeasureOptions& options, int& status);

// Whether this build can probe: Network.framework is there (macOS).
bool can_probe();

}  // namespace nwaudit::cli
