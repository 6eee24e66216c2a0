#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nwaudit/base/error.h"
#include "nwaudit/base/network_path.h"
#include "nwaudit/probe/observation.h"
#include "nwaudit/rules/finding.h"
#include "nwaudit/rules/rule.h"

namespace nwaudit {

// What decided a verdict's path, strongest last.
enum class VerdictBasis {
  configuration,  // the Mac's files and settings: a prediction
  kernel,         // the kernel's captured net.filter_state and enable_netagent
  measurement,    // a probe, a process's descriptors or an lsof listing
};
const char* to_string(VerdictBasis basis);

// The one answer: which path Network.framework takes on this Mac, how sure, and why.
struct Verdict {
  NetworkPath path = NetworkPath::unknown;
  NetworkPath predicted = NetworkPath::unknown;  // what the facts alone say; differs from path when observed
  Confidence confidence = Confidence::low;
  VerdictBasis basis = VerdictBasis::configuration;
  std::string summary;                  // one or two sentences for people
  std::vector<std::size_t> causes;      // indexes into AuditResult::findings, most decisive first
  std::vector<std::string> blind_spots; // sources nwaudit could not read that could change the answer
  std::size_t sources_read = 0;         // of the sources the collectors looked for
  std::size_t sources_sought = 0;
  bool observed = false;                // a measurement decided `path`
  bool contradicted = false;            // stronger evidence (kernel, measurement) disagrees with a prediction
  std::string contradiction;            // what the kernel's state contradicts, for people; empty when nothing
};

// A coverage entry of the facts: a source and whether it was read.
struct CoverageEntry {
  std::string collector;
  std::string path;
  std::string status;  // "read", "missing", "unreadable", "broken"
  std::string reason;
};

// Everything a report shows.
struct AuditResult {
  std::string tool_version;
  std::string rules_version;  // Knowledge::version of the rules that ran; empty when not known
  std::string source;  // "the tree at ...", "the live system", "facts file ..."
  struct Host {
    std::string product, version, build, architecture;  // empty when unknown
  } host;
  Verdict verdict;
  std::vector<Finding> findings;         // sorted: effect, then severity (highest first), then rule id, subject
  std::vector<CoverageEntry> coverage;   // every entry of the facts' coverage
  std::vector<Error> rule_problems;      // rules that could not be loaded, or were skipped as too costly
  std::optional<Measurement> measurement;  // the probe, or the census of a process or an lsof listing
  // With --redact: each kind of personal value replaced by pseudonyms, and how many values.
  struct Redacted {
    std::string kind;  // "user", "host", "ipv4", ...
    std::size_t values = 0;
  };
  std::vector<Redacted> redacted;
};

}  // namespace nwaudit
