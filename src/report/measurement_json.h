#pragma once

#include <string_view>

#include "nwaudit/probe/observation.h"
#include "json_output.h"

namespace nwaudit::report {

// Adds a measurement's sections to `object`, keyed as in nwaudit-report/1 and nwaudit-probe/1:
// "observed"; "census", "census_before", "connections" and "limits" when the measurement has
// them; then its problems, under `problems_key`.
void add_measurement_json(Json& object, const Measurement& measurement, std::string_view problems_key);

}  // namespace nwaudit::report
