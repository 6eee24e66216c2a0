#pragma once

#include <pugixml.hpp>
#include <string>
#include <vector>

#include "nwaudit/audit/result.h"
#include "nwaudit/rules/rule.h"

namespace nwaudit {

// Runs the rules over a facts document and reaches the verdict. The result refers to
// `rules`, which must outlive it.
AuditResult run_audit(const pugi::xml_document& facts, const std::vector<Rule>& rules);

// The verdict from the findings (sorted as evaluate_rules sorts them), the kernel state
// in the facts, and what could not be read.
Verdict decide_verdict(const std::vector<Finding>& findings, const pugi::xml_document& facts,
                       const std::vector<CoverageEntry>& coverage);

}  // namespace nwaudit
