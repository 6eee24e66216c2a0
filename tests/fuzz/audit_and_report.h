#pragma once

#include <pugixml.hpp>
#include <vector>

#include "nwaudit/audit/audit.h"
#include "nwaudit/report/report.h"

namespace nwaudit::fuzz {

// The audit's report in every format.
inline void report_every_format(const AuditResult& result) {
  for (ReportFormat format : {ReportFormat::text, ReportFormat::json, ReportFormat::markdown, ReportFormat::sarif}) {
    render_report(result, format);
  }
}

// What `nwaudit audit` does once it has the facts and the rules: the audit, then its report
// in every format.
inline void audit_and_report(const pugi::xml_document& facts, const std::vector<Rule>& rules) {
  report_every_format(run_audit(facts, rules));
}

}  // namespace nwaudit::fuzz
