#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "nwaudit/base/network_path.h"
#include "nwaudit/probe/census.h"

namespace nwaudit {

// How the connections a probe asked for ended up.
struct ConnectionOutcome {
  std::size_t requested = 0;
  std::size_t ready = 0;
  std::size_t failed = 0;
  std::size_t timed_out = 0;        // neither ready nor failed when the time was up
  std::vector<std::string> errors;  // distinct error messages, as the framework gave them
};

// What a descriptor census or a probe shows about the path in use.
struct Observation {
  NetworkPath path = NetworkPath::unknown;
  std::string method;                 // "probe", "pid" or "lsof"
  std::string subject;                // "a loopback listener", "example.com:443", "process 4242", "lsof.txt"
  std::vector<std::string> evidence;  // sentences for people, most telling first
};

// An observation with the counts behind it: a probe (census before and after its
// connections) or a standing census of one process (before is empty).
struct Measurement {
  Observation observed;
  std::optional<DescriptorCensus> before;
  std::optional<DescriptorCensus> census;  // after the probe's connections opened, or the standing census
  std::optional<ConnectionOutcome> outcome;
  std::optional<DescriptorLimits> limits;
  // launchd's default (launchctl limit maxfiles), what an app it starts has unless the app
  // raises its own: set when the measured process's own limits are unknown and the Mac's
  // facts tell it.
  std::optional<DescriptorLimits> launchd_limits;
  std::vector<std::string> problems;  // what went wrong on the way
};

// Where the probe's connections went.
enum class ProbeRoute {
  loopback,  // its own listener on 127.0.0.1
  remote,    // --probe-target
};

// The path a probe shows: one new TCP or UDP socket per connection, or a flow-switch
// channel and no new socket. Over loopback only user space is conclusive: xnu gives lo0 no
// flow-switch transport agent (bsd/net/dlil.c, ifnet_needs_fsw_transport_netagent), so
// loopback connections may use sockets on a Mac where Internet connections do not.
Observation classify_probe(const DescriptorCensus& before, const DescriptorCensus& after, const ConnectionOutcome& outcome,
                           ProbeRoute route);
// The path a standing census shows (a running app, an lsof listing).
Observation classify_census(const DescriptorCensus& census);

}  // namespace nwaudit
