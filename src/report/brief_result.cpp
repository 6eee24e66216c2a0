#include "brief_result.h"

#include "report_model.h"

namespace nwaudit::report {
namespace {

std::vector<Fix> first_fix(const std::vector<Fix>& fixes) {
  const std::vector<FixGroup> groups = fixes_by_audience(fixes);
  if (groups.empty() || groups.front().fixes.empty()) return {};
  return {*groups.front().fixes.front()};
}

}  // namespace

AuditResult brief_result(const AuditResult& result) {
  AuditResult brief = result;
  brief.findings.clear();
  brief.coverage.clear();
  brief.verdict.causes.clear();
  for (const Finding* cause : cause_findings(result)) {
    Finding kept = *cause;
    kept.fixes = first_fix(cause->fixes);
    brief.verdict.causes.push_back(brief.findings.size());
    brief.findings.push_back(std::move(kept));
  }
  for (const CoverageEntry* entry : coverage_problems(result)) brief.coverage.push_back(*entry);
  return brief;
}

const Fix* first_app_fix(const AuditResult& result) {
  for (const Finding* cause : cause_findings(result)) {
    for (const Fix& fix : cause->fixes) {
      if (fix.audience == "app") return &fix;
    }
  }
  return nullptr;
}

}  // namespace nwaudit::report
