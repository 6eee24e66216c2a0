#pragma once

#include <cstdint>
#include <optional>

#include "nwaudit/base/expected.h"

namespace nwaudit {

// A process's open descriptors, counted by kind. Rows of lsof that are not descriptors
// (cwd, txt, mem, ...) are not counted.
struct DescriptorCensus {
  std::uint64_t tcp = 0;                  // TCP sockets, IPv4 or IPv6
  std::uint64_t udp = 0;                  // UDP sockets, IPv4 or IPv6
  std::uint64_t other_sockets = 0;        // Unix-domain, kernel control, route, raw, ...
  std::uint64_t npolicy = 0;              // NECP descriptors (lsof's NPOLICY)
  std::uint64_t channels = 0;             // Skywalk channels of any type (lsof's CHAN)
  std::uint64_t flowswitch_channels = 0;  // of which flow-switch channels (lsof's "CHAN flowsw")
  std::uint64_t files = 0;                // files, directories and devices
  std::uint64_t other = 0;                // pipes, kqueues, shared memory, nexus controllers, ...
  std::uint64_t total = 0;                // every descriptor

  std::uint64_t sockets() const { return tcp + udp + other_sockets; }
  bool operator==(const DescriptorCensus&) const = default;
};

// RLIMIT_NOFILE; nullopt when unlimited.
struct DescriptorLimits {
  std::optional<std::uint64_t> soft;
  std::optional<std::uint64_t> hard;
};

// Counts the descriptors of a running process: libproc on macOS, /proc on Linux.
// Errors: not_found (no such process), permission_denied (another user's, without root).
class CensusReader {
 public:
  virtual ~CensusReader() = default;
  virtual Expected<DescriptorCensus> take(int pid) const = 0;
  // The process's descriptor limits; an Error when the system does not tell them for `pid`.
  virtual Expected<DescriptorLimits> limits(int pid) const = 0;
};

}  // namespace nwaudit
