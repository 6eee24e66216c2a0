#pragma once

#include <optional>

#include "options.h"
#include "nwaudit/audit/measurement_context.h"
#include "nwaudit/probe/observation.h"

namespace nwaudit::cli {

// The measurement the options ask for: --lsof FILE, --pid PID, or else the probe of this
// process, with what `context` (the Mac's facts) adds to it. Warns before probing a target
// iCloud Private Relay may carry. nullopt after printing why not, with the exit status in `status`.
std::optional<Measurement> take_measurement(const MeasureOptions& options, const MeasurementContext& context,
                                            int& status);

// What the live Mac's settings tell a measurement (Private Relay, launchd's descriptor limit),
// read by the collectors of those settings alone; nothing where there is no live Mac.
MeasurementContext live_measurement_context();

// Whether this build can probe: Network.framework is there (macOS).
bool can_probe();

}  // namespace nwaudit::cli
