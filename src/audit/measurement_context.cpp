#include "nwaudit/audit/measurement_context.h"

#include <charconv>
#include <string_view>

#include "nwaudit/probe/observation.h"
#include "nwaudit/probe/private_relay.h"

namespace nwaudit {
namespace {

// A limit as launchctl prints it: a number, or "unlimited" (nullopt inside the limits).
bool read_limit(std::string_view text, std::optional<std::uint64_t>& limit) {
  if (text == "unlimited") {
    limit.reset();
    return true;
  }
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return false;
  limit = value;
  return true;
}

std::optional<DescriptorLimits> launchd_limits_of(pugi::xml_node facts) {
  const pugi::xml_node limit = facts.child("descriptor-limit");
  if (!limit) return std::nullopt;
  DescriptorLimits limits;
  if (!read_limit(limit.attribute("soft").as_string(), limits.soft)) return std::nullopt;
  if (!read_limit(limit.attribute("hard").as_string(), limits.hard)) return std::nullopt;
  return limits;
}

}  // namespace

MeasurementContext measurement_context_of(const pugi::xml_document& facts) {
  const pugi::xml_node root = facts.child("facts");
  MeasurementContext context;
  context.private_relay = private_relay_state_from(root.child("private-relay").attribute("state").as_string());
  context.launchd_limits = launchd_limits_of(root);
  return context;
}

void add_context(Measurement& measurement, const MeasurementContext& context) {
  if (!measurement.limits) measurement.launchd_limits = context.launchd_limits;
}

}  // namespace nwaudit
