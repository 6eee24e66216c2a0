#include "comparison_formats.h"
#include "comparison_wording.h"
#include "markdown_escape.h"
#include "nwaudit/report/comparison_report.h"
#include "report_text.h"

namespace nwaudit::report {
namespace {

std::string cell(const std::vector<std::string>& items) {
  std::string joined;
  for (const std::string& item : items) joined += (joined.empty() ? "" : "<br>") + markdown_cell(item);
  return joined;
}

std::string table(const Comparison& comparison) {
  std::string out = "| | A | B |\n|---|---|---|\n";
  for (const ComparisonRow& row : side_by_side(comparison)) {
    out += "| **" + markdown_cell(row.label) + "** | " + cell(row.a) + " | " + cell(row.b) + " |\n";
  }
  return out + "\n";
}

}  // namespace

std::string render_comparison_markdown(const Comparison& comparison, std::string_view tool_version) {
  std::string out;
  const std::vector<std::string> answer = comparison_answer(comparison);
  for (std::size_t i = 0; i < answer.size(); ++i) {
    out += (i == 0 ? "**" + markdown_inline(answer[i]) + "**" : markdown_inline(answer[i])) + "\n\n";
  }
  out += table(comparison);
  if (!comparison.causes.empty()) {
    out += "### " + markdown_inline(kCausesHeading) + "\n\n";
    for (std::size_t i = 0; i < comparison.causes.size(); ++i) {
      const CauseDifference& cause = comparison.causes[i];
      std::string rules;
      for (const std::string& rule : cause.rules) rules += (rules.empty() ? "" : ", ") + markdown_code(rule);
      out += std::to_string(i + 1) + ". " + markdown_inline(statement(cause)) + " (" + rules + ")\n";
    }
    out += "\n";
  }
  if (!comparison.confidence.empty()) {
    out += "### " + markdown_inline(kConfidenceHeading) + "\n\n";
    for (const ConfidenceDifference& difference : comparison.confidence) out += "- " + markdown_inline(difference.sentence) + "\n";
    out += "\n";
  }
  if (!comparison.facts.empty()) {
    out += "### " + markdown_inline(kOtherHeading) + "\n\n";
    for (const FactGroup& group : fact_groups(comparison)) {
      out += "#### " + markdown_inline(group.group) + "\n\n";
      for (const FactDifference* difference : group.differences) {
        out += "- " + markdown_inline(fact_difference_line(*difference)) + "\n";
      }
      out += "\n";
    }
  }
  if (!comparison.not_compared.empty()) {
    out += "### " + markdown_inline(kNotComparedHeading) + "\n\n";
    for (const std::string& note : comparison.not_compared) out += "- " + markdown_inline(note) + "\n";
    out += "\n";
  }
  out += "- **A:** " + markdown_inline(comparison.a->result.source) + "\n";
  out += "- **B:** " + markdown_inline(comparison.b->result.source) + "\n\n";
  return out + "_" + markdown_inline(footer_line(tool_version, "diff of A and B")) + "_\n";
}

}  // namespace nwaudit::report
