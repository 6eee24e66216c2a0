#pragma once

#include <optional>
#include <pugixml.hpp>

#include "nwaudit/probe/census.h"
#include "nwaudit/probe/probe.h"

namespace nwaudit {

// What the audited Mac's facts tell a measurement of it: whether iCloud Private Relay may carry
// the probe's connections, and the descriptor limit launchd gives the apps it starts.
struct MeasurementContext {
  PrivateRelayState private_relay = PrivateRelayState::unknown;
  std::optional<DescriptorLimits> launchd_limits;  // from /facts/descriptor-limit
};

// From /facts/private-relay and /facts/descriptor-limit; unknown and nothing where the facts
// lack them or hold a limit that is neither a number nor "unlimited".
MeasurementContext measurement_context_of(const pugi::xml_document& facts);

// Adds what the context knows and the measurement does not: launchd's limits when the
// process's own are unknown.
void add_context(Measurement& measurement, const MeasurementContext& context);

}  // namespace nwaudit
