#include <algorithm>
#include <string_view>

#include "nwaudit/fleet/fleet_summary.h"

namespace nwaudit::fleet {
namespace {

std::size_t path_index(std::string_view path) {
  for (std::size_t i = 0; i < kPaths.size(); ++i) {
    if (path == kPaths[i]) return i;
  }
  return kPaths.size() - 1;  // read_mac_report accepts no other path
}

std::string or_unknown(const std::string& text) { return text.empty() ? "(unknown)" : text; }

// "macOS 14" of "macOS" "14.4.1".
std::string major_of(const MacReport& report) {
  if (report.product.empty() && report.version.empty()) return "(unknown)";
  const std::string major = report.version.substr(0, report.version.find('.'));
  return or_unknown(report.product) + " " + or_unknown(major);
}

std::string os_of(const MacReport& report) {
  if (report.product.empty() && report.version.empty()) return "(unknown)";
  return or_unknown(report.product) + " " + or_unknown(report.version);
}

// "Cisco: AnyConnect"; empty without a vendor (an OS finding's evidence names its product alone).
std::string vendor_of(const MacFinding& finding) {
  if (finding.vendor.empty()) return {};
  if (finding.product.empty()) return finding.vendor;
  return finding.vendor + ": " + finding.product;
}

// The Mac path of a blind spot: "/.nwaudit/ifconfig-v.txt (missing: ...)" without its reason.
std::string blind_spot_path(const std::string& blind_spot) { return blind_spot.substr(0, blind_spot.find(" (")); }

// Counts `key` in `table` once per Mac: `seen` holds the keys this Mac already counted there.
void add_once(CountTable& table, std::vector<std::string>& seen, const std::string& key, const std::string& detail = {}) {
  if (key.empty() || std::find(seen.begin(), seen.end(), key) != seen.end()) return;
  seen.push_back(key);
  table.add(key, detail);
}

}  // namespace

const std::string& FleetTally::kind_of(const MacFinding& finding) const {
  if (!finding.kind.empty()) return finding.kind;
  auto known = kinds_.find(finding.rule);
  return known != kinds_.end() ? known->second : finding.rule;
}

void FleetTally::add(const MacReport& report, const std::string& where) {
  FleetSummary& s = summary_;
  ++s.macs;
  const std::size_t path = path_index(report.path);
  ++s.paths[path];
  s.confidence.add(report.path + ", " + or_unknown(report.confidence));
  s.decided_by.add(or_unknown(report.decided_by));
  s.tool_versions.add(or_unknown(report.tool_version));
  const std::string major = major_of(report);
  s.os_majors.add(major);
  if (s.paths_by_major.size() < kMaxTableKeys || s.paths_by_major.count(major) != 0) ++s.paths_by_major[major][path];
  s.os_versions.add(os_of(report));

  std::vector<std::string> kinds;
  kinds.reserve(report.findings.size());
  for (const MacFinding& finding : report.findings) kinds.push_back(kind_of(finding));

  seen_.clear();
  for (const std::string& rule : report.causes) add_once(s.cause_rules, seen_, rule);
  seen_.clear();
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    const MacFinding& finding = report.findings[i];
    const bool cause = std::find(report.causes.begin(), report.causes.end(), finding.rule) != report.causes.end();
    if (cause) add_once(s.cause_kinds, seen_, kinds[i]);
  }
  seen_.clear();
  for (const MacFinding& finding : report.findings) add_once(s.rules, seen_, finding.rule);
  seen_.clear();
  for (const MacFinding& finding : report.findings) add_once(s.vendors, seen_, vendor_of(finding));
  seen_.clear();
  for (const MacFinding& finding : report.findings) {
    if (std::find(report.causes.begin(), report.causes.end(), finding.rule) != report.causes.end()) {
      add_once(s.cause_vendors, seen_, vendor_of(finding));
    }
  }

  std::string detail;
  if (std::string remedy = single_remediation(report, kinds, &detail); !remedy.empty()) s.remediations.add(remedy, detail);

  if (!report.blind_spots.empty()) {
    ++s.incomplete;
    if (s.incomplete_named.size() < kMaxNamed) {
      std::string why = report.blind_spots.front();
      if (report.blind_spots.size() > 1) why += " (and " + std::to_string(report.blind_spots.size() - 1) + " more)";
      s.incomplete_named.push_back({report.machine.empty() ? where : report.machine, std::move(why)});
    }
    seen_.clear();
    for (const std::string& blind_spot : report.blind_spots) add_once(s.blind_spots, seen_, blind_spot_path(blind_spot));
  }
}

void FleetTally::skip(Error why) {
  ++summary_.skipped;
  if (summary_.skipped_named.size() < kMaxNamed) summary_.skipped_named.push_back(std::move(why));
}

}  // namespace nwaudit::fleet
