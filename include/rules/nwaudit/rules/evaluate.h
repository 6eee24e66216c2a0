#pragma once

#include <pugixml.hpp>
#include <string>
#include <vector>

#include "nwaudit/base/error.h"
#include "nwaudit/rules/finding.h"
#include "nwaudit/rules/rule.h"

namespace nwaudit {

// Runs each rule whose OS range admits the Mac over the facts document: one Finding per
// element its condition selects, placeholders filled. Findings come sorted: effect
// (all-connections first), severity (highest first), rule id, subject.
// A rule whose condition could cost more than limits::kMaxConditionSteps on these facts (by
// a bound computed before it runs: nwaudit-rules(5), COST OF A CONDITION) is not run; an
// Error in `skipped` names its file, line and id, and says why.
// Conditions run on up to `threads` threads; the result is the same on any number.
struct Evaluation {
  std::vector<Finding> findings;
  std::vector<Error> skipped;
};
Evaluation evaluate_rules(const std::vector<Rule>& rules, const pugi::xml_document& facts, unsigned threads = 1);

// What a finding on this element is about (Finding::subject): its id, name, path, interface or
// text, the first it has; else the element's name.
std::string subject_of(pugi::xml_node element);

}  // namespace nwaudit
