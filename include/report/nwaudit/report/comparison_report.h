#pragma once

#include <string>
#include <vector>

#include "nwaudit/compare/comparison.h"
#include "nwaudit/report/report.h"

namespace nwaudit {

// The report of `nwaudit diff`, ending in a newline: text, Markdown, or JSON of schema
// "nwaudit-diff/1" (nwaudit(1) describes it). It opens with comparison_answer(), then both
// verdicts side by side, then the differences in their ranks. SARIF, ndjson and jamf are
// reports of one audit: for them it gives the JSON.
std::string render_comparison(const Comparison& comparison, ReportFormat format, const ReportOptions& options,
                              std::string_view tool_version);

// The answer to "why does mine differ?", one sentence a line: "B uses one socket per
// connection because the kext com.example.vpn is loaded; A does not have it."
std::vector<std::string> comparison_answer(const Comparison& comparison);

}  // namespace nwaudit
