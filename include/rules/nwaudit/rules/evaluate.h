#pragma once

#include <pugixml.hpp>
#include <vector>

#include "nwaudit/rules/finding.h"
#include "nwaudit/rules/rule.h"

namespace nwaudit {

// Runs each rule whose OS range admits the Mac over the facts document: one Finding per
// element its condition selects, placeholders filled. Findings come sorted: effect
// (all-connections first), severity (highest first), rule id, subject.
std::vector<Finding> evaluate_rules(const std::vector<Rule>& rules, const pugi::xml_document& facts);

}  // namespace nwaudit
