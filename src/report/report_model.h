#pragma once

#include <array>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "nwaudit/audit/result.h"

// Views of an AuditResult that every format shows the same way.
namespace nwaudit::report {

// The finding's rule, or a stand-in (id "unknown", cause other, informational) when it has none.
const Rule& rule_of(const Finding& finding);

// Effects in the order reports show them: what changes every connection first.
inline constexpr std::array<Effect, 5> kEffectsInOrder{Effect::blocks_verdict, Effect::all_connections,
                                                       Effect::some_connections, Effect::latent,
                                                       Effect::informational};

// The findings with this effect that nothing contradicts, in the result's order.
std::vector<const Finding*> findings_with(const AuditResult& result, Effect effect);

// The findings under one heading of a report: those of one effect, or the predictions that
// stronger evidence contradicts (shown after those that decide the path).
struct FindingGroup {
  std::string heading;
  std::vector<const Finding*> findings;
};

// The non-empty groups in the order of sections in every report.
std::vector<FindingGroup> finding_groups(const AuditResult& result);

// Every finding, in the order of finding_groups.
std::vector<const Finding*> findings_in_report_order(const AuditResult& result);

// The findings the verdict names as its causes, most decisive first; indexes out of range are skipped.
std::vector<const Finding*> cause_findings(const AuditResult& result);

// Coverage entries whose status is not "read".
std::vector<const CoverageEntry*> coverage_problems(const AuditResult& result);

// Fixes for one audience ("mac", "app", or whatever a rule file said).
struct FixGroup {
  std::string audience;
  std::vector<const Fix*> fixes;
};

// The fixes grouped by audience: the Mac's first, then the app's, then any other in order of
// appearance; each group keeps the fixes' order.
std::vector<FixGroup> fixes_by_audience(const std::vector<Fix>& fixes);

// Whether a reference's URL is one to offer as a link: http or https, nothing a viewer would run.
bool is_web_url(std::string_view url);

// Remembers what a report has spelled out, so that a fix or a reference that several findings
// share is shown in full once and only named afterwards.
class ShownOnce {
 public:
  bool first_time(const Fix& fix);  // true the first time, false for an identical fix later
  bool first_time(const Reference& reference);

 private:
  std::set<std::string> seen_;
};

}  // namespace nwaudit::report
