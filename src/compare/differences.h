#pragma once

#include <vector>

#include "nwaudit/compare/comparison.h"

// The three ranks of differences, each computed on its own; compare() puts them together.
namespace nwaudit::diff {

// A cause finding's identity across two Macs: its rule and its subject.
bool same_cause(const Finding& x, const Finding& y);

// The verdict's causes of one side that are not causes of the other: A's, then B's.
std::vector<CauseDifference> cause_differences(const AuditedMac& a, const AuditedMac& b);

// What one side could not read, or is less sure of: what decided each verdict, the blind
// spots, then the other sources one side read and the other could not.
std::vector<ConfidenceDifference> confidence_differences(const AuditedMac& a, const AuditedMac& b);

// Findings that are not causes on either side, found on one side only (group "findings").
std::vector<FactDifference> finding_differences(const AuditedMac& a, const AuditedMac& b);

// The facts of two Macs that both have them, element by element, by data source; order,
// noise attributes and pseudonyms ignored.
std::vector<FactDifference> fact_differences(const pugi::xml_document& a, const pugi::xml_document& b);

}  // namespace nwaudit::diff
