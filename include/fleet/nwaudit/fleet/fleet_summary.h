#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "nwaudit/base/error.h"
#include "nwaudit/fleet/mac_report.h"

namespace nwaudit::fleet {

// Distinct keys one table of a summary counts (causes, vendors, versions, ...). Past it, Macs
// are counted under "others": a summary's memory never grows with the number of reports.
inline constexpr std::size_t kMaxTableKeys = 5'000;
// Macs that could not be fully read, and reports skipped, named one by one (the first ones).
inline constexpr std::size_t kMaxNamed = 20;

// How many Macs have each key, at most kMaxTableKeys of them.
class CountTable {
 public:
  struct Row {
    std::string key;
    std::uint64_t macs = 0;
    std::string detail;  // what the key is, in words, when the key alone does not say (a vendor, a kind)
  };
  // Counts one Mac for `key`; `detail` is kept from the first Mac that gives one.
  void add(const std::string& key, const std::string& detail = {});
  // The rows, most Macs first, then by key.
  std::vector<Row> rows() const;
  std::uint64_t others() const { return others_; }  // Macs counted past kMaxTableKeys
  std::size_t size() const { return counts_.size(); }

 private:
  std::unordered_map<std::string, Row> counts_;
  std::uint64_t others_ = 0;
};

// A Mac named in a summary, with why.
struct NamedMac {
  std::string name;  // the ndjson line's machine, else where the report came from
  std::string why;
};

inline constexpr std::array<const char*, 4> kPaths = {"user-space", "sockets", "mixed", "unknown"};

// What a fleet of reports says, counted as each report is read: nothing of a report is
// kept but its counts and, for the first few Macs not fully read, its name.
struct FleetSummary {
  std::uint64_t macs = 0;
  std::array<std::uint64_t, kPaths.size()> paths{};  // in kPaths's order
  CountTable confidence;      // "sockets, confirmed"
  CountTable decided_by;
  CountTable cause_rules;     // rule ids in verdict.causes
  CountTable cause_kinds;     // the kinds of those causes (application-firewall, socket-filter, ...)
  CountTable rules;           // the rule of any finding
  CountTable vendors;         // "vendor: product" of any finding that names them
  CountTable cause_vendors;   // the same, of the findings that are causes
  CountTable os_majors;       // "macOS 14"; detail: nothing
  std::unordered_map<std::string, std::array<std::uint64_t, kPaths.size()>> paths_by_major;  // keys of os_majors
  CountTable os_versions;     // "macOS 14.4.1"
  CountTable tool_versions;
  CountTable remediations;    // see single_remediation()
  std::uint64_t incomplete = 0;  // Macs with blind spots
  std::vector<NamedMac> incomplete_named;
  CountTable blind_spots;     // the Mac path of each blind spot
  std::uint64_t skipped = 0;  // reports that could not be read
  std::vector<Error> skipped_named;
};

// Names the kind of a rule when a report does not (an ndjson line): from the rules nwaudit loads.
using RuleKinds = std::unordered_map<std::string, std::string>;

// Adds reports to a summary, one at a time.
class FleetTally {
 public:
  explicit FleetTally(RuleKinds kinds) : kinds_(std::move(kinds)) {}
  // `where` names the report when it has no machine of its own (a file, "FILE: line 3").
  void add(const MacReport& report, const std::string& where);
  void skip(Error why);
  const FleetSummary& summary() const { return summary_; }

 private:
  const std::string& kind_of(const MacFinding& finding) const;

  RuleKinds kinds_;
  FleetSummary summary_;
  std::vector<std::string> seen_;  // keys already counted for the report being added
};

// The one remediation that would leave `report` with no cause, or an empty string: see
// nwaudit(1), SUMMARIZE, for the definition. `kind_of` gives each finding's kind.
std::string single_remediation(const MacReport& report, const std::vector<std::string>& kinds, std::string* detail);

}  // namespace nwaudit::fleet
