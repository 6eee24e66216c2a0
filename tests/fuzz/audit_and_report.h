#pragma once

#include <pugixml.hpp>
#include <vector>

#include "nwaudit/audit/audit.h"
#include "nwaudit/report/report.h"

namespace nwaudit::fuzz {

// What `nwaudit audit` does once it has the facts and the rules: the audit, then its report
// in every format.
inline void audit_and_report(const pugi::xml_document& facts, const std::vector<Rule>& rules) {
  const AuditResult result = run_audit(facts, rules);
  for (ReportFormat format : {ReportFormat::text, ReportFormat::json, ReportFormat::markdown, ReportFormat::sarif}) {
    render_report(result, format);
  }
}

}  // namespace nwaudit::fuzz
