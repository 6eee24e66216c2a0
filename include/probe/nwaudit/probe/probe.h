#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "nwaudit/probe/census.h"
#include "nwaudit/probe/observation.h"

namespace nwaudit {

// A remote endpoint to probe instead of a loopback listener of the probe's own.
struct ProbeEndpoint {
  std::string host;
  std::uint16_t port = 0;
};

// Opens connections the way an app does. On macOS: Network.framework's C API, with a
// loopback nw_listener of its own when no endpoint is given.
class ConnectionOpener {
 public:
  virtual ~ConnectionOpener() = default;
  // Opens `count` connections and waits, at most `timeout` in all, until each is ready or
  // has failed. They stay open until close_all(). An Error when nothing could be started
  // (the listener failed, say).
  virtual Expected<ConnectionOutcome> open(const std::optional<ProbeEndpoint>& target, std::size_t count,
                                           std::chrono::milliseconds timeout) = 0;
  // Cancels and releases everything open() opened, the listener included, and waits
  // (bounded) until the descriptors are gone.
  virtual void close_all() = 0;
};

// Whether iCloud Private Relay is on, as far as the audited Mac's facts tell
// (/facts/private-relay/@state); unknown without them (`nwaudit probe` reads no settings).
enum class PrivateRelayState { off, on, unknown };

struct ProbeOptions {
  std::size_t connections = 8;
  std::chrono::milliseconds timeout{5000};
  std::optional<ProbeEndpoint> target;
  // Decides whether a target the relay may carry (plain HTTP, DNS) can show the path.
  PrivateRelayState private_relay = PrivateRelayState::unknown;
};

// The probe of this process: census, open, census, close. Never throws; every failure is in
// `problems` and leaves the observed path unknown.
Measurement run_probe(ConnectionOpener& opener, const CensusReader& census, int pid, const ProbeOptions& options);

}  // namespace nwaudit
