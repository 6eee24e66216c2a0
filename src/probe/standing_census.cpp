#include "nwaudit/probe/lsof_listing.h"
#include "nwaudit/probe/measure.h"

namespace nwaudit {
namespace {

Measurement measurement_of(const DescriptorCensus& census, std::string method, std::string subject) {
  Measurement measurement;
  measurement.observed = classify_census(census);
  measurement.observed.method = std::move(method);
  measurement.observed.subject = std::move(subject);
  measurement.census = census;
  return measurement;
}

}  // namespace

Measurement measure_process(const CensusReader& census, int pid) {
  const std::string subject = "process " + std::to_string(pid);
  auto counted = census.take(pid);
  if (!counted) {
    Measurement measurement;
    measurement.observed.method = "pid";
    measurement.observed.subject = subject;
    measurement.problems.push_back(counted.error().describe());
    return measurement;
  }
  Measurement measurement = measurement_of(*counted, "pid", subject);
  if (auto limits = census.limits(pid)) measurement.limits = *limits;
  else measurement.problems.push_back(limits.error().describe());
  return measurement;
}

Measurement measure_lsof_listing(std::string_view listing, std::string_view name) {
  const capture::LsofListing parsed = capture::parse_lsof(listing);
  std::string subject(name);
  if (parsed.processes.size() == 1) subject += " (" + parsed.processes.front() + ")";
  else if (parsed.processes.size() > 1) subject += " (" + std::to_string(parsed.processes.size()) + " processes, counted together)";
  Measurement measurement = measurement_of(parsed.census, "lsof", std::move(subject));
  if (parsed.processes.empty()) measurement.problems.push_back(std::string(name) + ": no lsof rows found");
  for (Error problem : parsed.problems) {
    problem.path = name;
    measurement.problems.push_back(problem.describe());
  }
  return measurement;
}

}  // namespace nwaudit
