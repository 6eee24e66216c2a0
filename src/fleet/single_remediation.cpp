#include <algorithm>
#include <string_view>

#include "nwaudit/fleet/fleet_summary.h"

namespace nwaudit::fleet {
namespace {

// Subjects of the findings that read the kernel's own state (net.filter_state, enable_netagent,
// the network API counters): they say that something is on, not what.
bool is_kernel_state(std::string_view subject) { return subject == "kernel" || subject == "api-stats"; }

// The kind of the kernel's switch that follows every other cause.
constexpr std::string_view kNetagentOff = "netagent-disabled";

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::string detail_of(const MacFinding& finding, const std::string& kind) {
  if (finding.vendor.empty()) return kind;
  return kind + "; " + finding.vendor + (finding.product.empty() ? "" : " " + finding.product);
}

struct Target {
  std::string key;
  std::string detail;
};

void add_target(std::vector<Target>& targets, std::string key, std::string detail) {
  for (const Target& target : targets) {
    if (target.key == key) return;
  }
  targets.push_back({std::move(key), std::move(detail)});
}

}  // namespace

std::string single_remediation(const MacReport& report, const std::vector<std::string>& kinds, std::string* detail) {
  if (report.path != "sockets" && report.path != "mixed") return {};
  std::vector<std::string> named_kinds;  // kinds of the causes that name what they are about
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    const MacFinding& finding = report.findings[i];
    if (contains(report.causes, finding.rule) && !is_kernel_state(finding.subject)) named_kinds.push_back(kinds[i]);
  }
  std::vector<Target> targets;
  bool netagent_off = false;
  for (std::size_t i = 0; i < report.findings.size(); ++i) {
    const MacFinding& finding = report.findings[i];
    if (!contains(report.causes, finding.rule)) continue;
    if (!is_kernel_state(finding.subject)) {
      add_target(targets, finding.subject, detail_of(finding, kinds[i]));
    } else if (kinds[i] == kNetagentOff) {
      netagent_off = true;
    } else if (!contains(named_kinds, kinds[i])) {
      add_target(targets, kinds[i], "the kernel's state");
    }
  }
  // A cause with no finding in the report (a report cut short by hand): the rule stands for itself.
  for (const std::string& rule : report.causes) {
    const bool found = std::any_of(report.findings.begin(), report.findings.end(),
                                   [&](const MacFinding& finding) { return finding.rule == rule; });
    if (!found) add_target(targets, rule, "a cause without a finding");
  }
  if (targets.empty() && netagent_off) add_target(targets, std::string(kNetagentOff), "the kernel's state");
  if (targets.size() != 1) return {};
  if (detail != nullptr) *detail = targets.front().detail;
  return targets.front().key;
}

}  // namespace nwaudit::fleet
