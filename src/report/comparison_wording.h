#pragma once

#include <string>
#include <vector>

#include "nwaudit/compare/comparison.h"

// Words every format of a comparison shares; plain strings, escaped by the caller.
namespace nwaudit::report {

// One row of the side-by-side table: a label, A's value and B's, each a list of items.
struct ComparisonRow {
  std::string label;
  std::vector<std::string> a, b;
};
std::vector<ComparisonRow> side_by_side(const Comparison& comparison);

inline constexpr std::string_view kCausesHeading = "Causes on one side only";
inline constexpr std::string_view kConfidenceHeading = "What lowers confidence on one side";
inline constexpr std::string_view kOtherHeading = "Other differences, by data source";
inline constexpr std::string_view kNotComparedHeading = "Not compared";

// "only on A: kext com.example.vpn", "os: version 14.6.1 on A, 13.6.3 on B; build ..."
std::string fact_difference_line(const FactDifference& difference);

// The groups of the other differences, in order, each with its differences.
struct FactGroup {
  std::string group;
  std::vector<const FactDifference*> differences;
};
std::vector<FactGroup> fact_groups(const Comparison& comparison);

}  // namespace nwaudit::report
