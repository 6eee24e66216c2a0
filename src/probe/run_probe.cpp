#include <fmt/core.h>

#include "nwaudit/probe/private_relay.h"
#include "nwaudit/probe/probe.h"

namespace nwaudit {
namespace {

// Closes whatever the opener opened when the probe leaves, on every path.
class ClosesConnections {
 public:
  explicit ClosesConnections(ConnectionOpener& opener) : opener_(opener) {}
  ~ClosesConnections() { opener_.close_all(); }
  ClosesConnections(const ClosesConnections&) = delete;
  ClosesConnections& operator=(const ClosesConnections&) = delete;

 private:
  ConnectionOpener& opener_;
};

std::string subject_of(const ProbeOptions& options) {
  if (!options.target) return "a loopback listener of the probe's own";
  return fmt::format("{}:{}", options.target->host, options.target->port);
}

}  // namespace

Measurement run_probe(ConnectionOpener& opener, const CensusReader& census, int pid, const ProbeOptions& options) {
  Measurement measurement;
  measurement.observed.method = "probe";
  measurement.observed.subject = subject_of(options);
  if (auto limits = census.limits(pid)) measurement.limits = *limits;
  else measurement.problems.push_back(limits.error().describe());

  auto before = census.take(pid);
  if (!before) {
    measurement.problems.push_back("counting descriptors before the probe: " + before.error().describe());
    return measurement;
  }
  measurement.before = *before;
  ClosesConnections closes(opener);
  auto outcome = opener.open(options.target, options.connections, options.timeout);
  if (!outcome) {
    measurement.problems.push_back("opening connections: " + outcome.error().describe());
    return measurement;
  }
  measurement.outcome = *outcome;
  auto after = census.take(pid);
  if (!after) {
    measurement.problems.push_back("counting descriptors after opening connections: " + after.error().describe());
    return measurement;
  }
  measurement.census = *after;
  Observation observed =
      classify_probe(*before, *after, *outcome, options.target ? ProbeRoute::remote : ProbeRoute::loopback);
  measurement.observed.path = observed.path;
  measurement.observed.evidence = std::move(observed.evidence);
  if (options.target) {
    if (auto caveat = relay_caveat(*options.target, options.private_relay)) {
      measurement.observed.path = NetworkPath::unknown;
      measurement.observed.evidence.insert(measurement.observed.evidence.begin(), std::move(*caveat));
    }
  }
  return measurement;
}

}  // namespace nwaudit
