#pragma once

#include <pugixml.hpp>
#include <string>
#include <vector>

#include "nwaudit/audit/result.h"
#include "nwaudit/rules/rule.h"

namespace nwaudit {

// Runs the rules over a facts document, on up to `threads` threads, and reaches the verdict.
// The result refers to `rules`, which must outlive it.
AuditResult run_audit(const pugi::xml_document& facts, const std::vector<Rule>& rules, unsigned threads = 1);

// The verdict from the findings (sorted as evaluate_rules sorts them), the kernel state
// in the facts, and what could not be read. Marks the findings the kernel's state contradicts.
Verdict decide_verdict(std::vector<Finding>& findings, const pugi::xml_document& facts,
                       const std::vector<CoverageEntry>& coverage);

// Sets the measured path beside the predicted one: the verdict takes what was observed, and
// when that contradicts the prediction it says so and lowers the confidence of the static causes.
void apply_measurement(AuditResult& result, Measurement measurement);

}  // namespace nwaudit
