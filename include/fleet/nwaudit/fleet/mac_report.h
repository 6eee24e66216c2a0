#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "nwaudit/base/expected.h"

namespace nwaudit::fleet {

// One finding of a report, reduced to what a fleet summary counts.
struct MacFinding {
  std::string rule;
  std::string effect;   // all-connections, some-connections, ...
  std::string kind;     // the rule's cause (socket-filter, ...): a full report's "cause"; empty in an ndjson line
  std::string subject;  // what it is about: a bundle id, an interface, "kernel", ...
  std::string vendor;   // when nwaudit's vendor list knows it; else empty
  std::string product;
};

// One Mac's report (a full JSON report, schema nwaudit-report/1, or a line of ndjson,
// nwaudit-ndjson/1), reduced to what a fleet summary counts.
struct MacReport {
  std::string machine;  // the ndjson line's pseudonym; empty when it has none
  std::string tool_version;
  std::string product;  // host.product: "macOS"
  std::string version;  // host.version: "14.4.1"
  std::string path;     // verdict.path: user-space, sockets, mixed or unknown
  std::string confidence;
  std::string decided_by;
  std::vector<std::string> causes;       // verdict.causes: rule ids
  std::vector<std::string> blind_spots;  // verdict.blind_spots
  std::vector<MacFinding> findings;
};

// Most findings, causes or blind spots kept of one report (more is not a report nwaudit wrote),
// and how deep its JSON may nest.
inline constexpr std::size_t kMaxReportItems = 10'000;
inline constexpr std::size_t kMaxReportDepth = 64;

// Reads one report from `text` into `into`. An Error (malformed, no path) says why the text
// is not an nwaudit report: not JSON (with the place), another schema, no verdict.
Expected<void> read_mac_report(std::string_view text, MacReport& into);

}  // namespace nwaudit::fleet
