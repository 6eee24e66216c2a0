#include "measurement_json.h"

#include <string>

#include "census_fields.h"

namespace nwaudit::report {
namespace {

Json observed_json(const Observation& observed) {
  return {{"path", to_string(observed.path)},
          {"method", observed.method},
          {"subject", observed.subject},
          {"evidence", observed.evidence}};
}

Json census_json(const DescriptorCensus& census) {
  Json counts = Json::object();
  for (const CensusField& field : kCensusFields) counts[std::string(field.key)] = census.*field.count;
  return counts;
}

Json connections_json(const ConnectionOutcome& outcome) {
  return {{"requested", outcome.requested},
          {"ready", outcome.ready},
          {"failed", outcome.failed},
          {"timed_out", outcome.timed_out},
          {"errors", outcome.errors}};
}

// null stands for unlimited.
Json limit_json(const std::optional<std::uint64_t>& limit) { return limit ? Json(*limit) : Json(nullptr); }

Json limits_json(const DescriptorLimits& limits) {
  return {{"soft", limit_json(limits.soft)}, {"hard", limit_json(limits.hard)}};
}

}  // namespace

void add_measurement_json(Json& object, const Measurement& measurement, std::string_view problems_key) {
  object["observed"] = observed_json(measurement.observed);
  if (measurement.census) object["census"] = census_json(*measurement.census);
  if (measurement.before) object["census_before"] = census_json(*measurement.before);
  if (measurement.outcome) object["connections"] = connections_json(*measurement.outcome);
  if (measurement.limits) object["limits"] = limits_json(*measurement.limits);
  if (measurement.launchd_limits) object["launchd_limits"] = limits_json(*measurement.launchd_limits);
  object[std::string(problems_key)] = measurement.problems;
}

}  // namespace nwaudit::report
