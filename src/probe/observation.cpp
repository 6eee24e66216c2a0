#include <fmt/format.h>
#include <fmt/ranges.h>

#include "nwaudit/probe/observation.h"

namespace nwaudit {
namespace {

std::uint64_t internet_sockets(const DescriptorCensus& census) { return census.tcp + census.udp; }

std::string plural(std::uint64_t count, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

std::string outcome_text(const ConnectionOutcome& outcome) {
  std::string text = fmt::format("{} of {} connections became ready", outcome.ready, outcome.requested);
  if (outcome.failed != 0) text += fmt::format(", {} failed", outcome.failed);
  if (outcome.timed_out != 0) text += fmt::format(", {} timed out", outcome.timed_out);
  return text;
}

}  // namespace

Observation classify_probe(const DescriptorCensus& before, const DescriptorCensus& after, const ConnectionOutcome& outcome,
                           ProbeRoute route) {
  Observation observation;
  observation.method = "probe";
  const std::uint64_t new_sockets =
      internet_sockets(after) > internet_sockets(before) ? internet_sockets(after) - internet_sockets(before) : 0;
  const std::string opened = outcome_text(outcome);
  const std::string sockets = plural(new_sockets, "new TCP or UDP socket", "new TCP or UDP sockets");
  const std::string channels = plural(after.flowswitch_channels, "flow-switch channel", "flow-switch channels");
  if (outcome.ready == 0) {
    observation.evidence.push_back(opened + ", so the probe could not tell which path they take.");
  } else if (new_sockets >= outcome.ready) {
    observation.path = NetworkPath::sockets;
    observation.evidence.push_back(opened + " and the process gained " + sockets +
                                   ": one kernel socket, and one descriptor, per connection.");
  } else if (new_sockets == 0 && after.flowswitch_channels != 0) {
    observation.path = NetworkPath::user_space;
    observation.evidence.push_back(opened + " without a single new socket; the process holds " + channels +
                                   ": user-space networking.");
  } else if (new_sockets != 0) {
    observation.path = NetworkPath::mixed;
    observation.evidence.push_back(opened + " but the process gained only " + sockets +
                                   ": some connections use sockets, the others user-space networking.");
  } else {
    observation.evidence.push_back(opened + " with neither a new socket nor a flow-switch channel, which nwaudit "
                                   "cannot explain.");
  }
  if (route == ProbeRoute::loopback && observation.path != NetworkPath::user_space &&
      observation.path != NetworkPath::unknown) {
    observation.path = NetworkPath::unknown;
    observation.evidence.push_back("Loopback connections may use sockets even where Internet connections use user-space "
                                   "networking (xnu gives lo0 no flow-switch agent), so this does not show the path to "
                                   "the Internet: probe a server your app uses with --probe-target HOST:PORT.");
  }
  if (!outcome.errors.empty()) observation.evidence.push_back("Errors: " + fmt::format("{}", fmt::join(outcome.errors, "; ")) + ".");
  return observation;
}

Observation classify_census(const DescriptorCensus& census) {
  Observation observation;
  const std::uint64_t sockets = internet_sockets(census);
  const std::string socket_text =
      plural(census.tcp, "TCP socket", "TCP sockets") + " and " + plural(census.udp, "UDP socket", "UDP sockets");
  const std::string channels = plural(census.flowswitch_channels, "flow-switch channel", "flow-switch channels");
  if (sockets != 0 && census.flowswitch_channels == 0) {
    observation.path = NetworkPath::sockets;
    observation.evidence.push_back("The process holds " + socket_text + " and no flow-switch channel: its connections "
                                   "use kernel sockets, one descriptor each.");
  } else if (sockets == 0 && census.flowswitch_channels != 0) {
    observation.path = NetworkPath::user_space;
    observation.evidence.push_back("The process holds " + channels + " and no TCP or UDP socket: its connections use "
                                   "user-space networking.");
  } else if (sockets != 0) {
    observation.path = NetworkPath::mixed;
    observation.evidence.push_back("The process holds " + channels + " and also " + socket_text +
                                   ": some connections use sockets (these may also come from code that opens BSD "
                                   "sockets itself, not through Network.framework).");
  } else {
    observation.evidence.push_back("The process holds no TCP or UDP socket and no flow-switch channel: it had no "
                                   "network connection open at the time.");
  }
  if (census.npolicy != 0) {
    observation.evidence.push_back(plural(census.npolicy, "NECP descriptor shows", "NECP descriptors show") +
                                   " it uses Network.framework or another NECP-aware API.");
  }
  return observation;
}

}  // namespace nwaudit
