#include <algorithm>
#include <string>
#include <vector>

#include "formats.h"
#include "markdown_blocks.h"
#include "markdown_escape.h"
#include "measurement_markdown.h"
#include "measurement_wording.h"
#include "report_model.h"
#include "report_text.h"

namespace nwaudit::report {
namespace {

std::string verdict_section(const AuditResult& result) {
  const Verdict& verdict = result.verdict;
  std::string out = "## " + markdown_inline(verdict_headline(verdict)) + "\n\n";
  if (verdict.contradicted) out += "**" + markdown_inline(contradiction_sentence(verdict)) + "**\n\n";
  if (!verdict.summary.empty()) out += markdown_text(verdict.summary) + "\n\n";
  std::string causes;
  for (const Finding* cause : cause_findings(result)) {
    if (!causes.empty()) causes += ", ";
    causes += markdown_code(rule_of(*cause).id);
    if (!cause->subject.empty()) causes += " on " + markdown_inline(cause->subject);
  }
  if (!causes.empty()) out += "- **Decided by:** " + causes + "\n";
  const std::size_t named = std::min(verdict.blind_spots.size(), kBlindSpotsNamed);
  for (std::size_t i = 0; i < named; ++i) {
    out += "- " + markdown_inline(blind_spot_sentence(verdict.blind_spots[i])) + "\n";
  }
  if (verdict.blind_spots.size() > named) {
    out += "- " + markdown_inline(more_blind_spots_sentence(verdict.blind_spots.size() - named)) + "\n";
  }
  out += "- **Read:** " + markdown_inline(read_sentence(verdict)) + "\n";
  out += "- **Mac:** " + markdown_inline(host_phrase(result.host)) + "\n\n";
  return out;
}

std::string findings_table(const AuditResult& result) {
  if (result.findings.empty()) return std::string(kNoFindings) + "\n\n";
  std::string out = "| Severity | Rule | Subject | Effect |\n|---|---|---|---|\n";
  for (const Finding* finding : findings_in_report_order(result)) {
    const Rule& rule = rule_of(*finding);
    out += "| " + std::string(to_string(rule.severity)) + " | " + markdown_code_cell(rule.id) + " | " +
           markdown_cell(finding->subject) + " | " + std::string(effect_phrase(rule.effect)) + " |\n";
  }
  return out + "\n";
}

std::string evidence_table(const Finding& finding) {
  std::string out;
  if (!finding.evidence_element.empty() || !finding.source.empty()) {
    out += "**Evidence:**";
    if (!finding.evidence_element.empty()) out.append(" ").append(markdown_code("<" + finding.evidence_element + ">"));
    if (!finding.source.empty()) out += " from " + markdown_code(finding.source);
    out += "\n\n";
  }
  if (finding.evidence.empty()) return out;
  if (out.empty()) out += "**Evidence:**\n\n";
  out += "| Attribute | Value |\n|---|---|\n";
  for (const auto& [name, value] : finding.evidence) {
    out += "| " + markdown_cell(name) + " | " + markdown_cell(value) + " |\n";
  }
  return out + "\n";
}

std::string finding_section(const Finding& finding, ShownOnce& shown) {
  const Rule& rule = rule_of(finding);
  std::string out = "### " + markdown_inline(std::string(to_string(rule.severity)) + ": " + rule.title) + "\n\n";
  out += markdown_code(rule.id);
  if (!finding.subject.empty()) out += " on **" + markdown_inline(finding.subject) + "**";
  out += " \u00B7 " + std::string(effect_phrase(rule.effect)) + " \u00B7 " + to_string(finding.confidence) +
         " confidence\n\n";
  if (!finding.message.empty()) out += markdown_text(finding.message) + "\n\n";
  if (!finding.contradicted_by.empty()) out += "**Contradicted:** " + markdown_text(finding.contradiction) + "\n\n";
  if (!rule.explanation.empty()) out += "**Why:** " + markdown_text(rule.explanation) + "\n\n";
  out += evidence_table(finding);
  out += markdown_fixes(finding.fixes, 4, &shown);
  out += markdown_references(rule.references, &shown);
  return out;
}

std::string unread_details(const AuditResult& result) {
  std::string out;
  const std::vector<const CoverageEntry*> problems = coverage_problems(result);
  if (!problems.empty()) {
    out += "<details>\n<summary>Could not read " + std::to_string(problems.size()) +
           (problems.size() == 1 ? " source" : " sources") + "</summary>\n\n";
    out += "| Status | Path | Collector | Reason |\n|---|---|---|---|\n";
    for (const CoverageEntry* entry : problems) {
      out += "| " + markdown_cell(entry->status) + " | " + markdown_code_cell(entry->path) + " | " +
             markdown_cell(entry->collector) + " | " + markdown_cell(entry->reason) + " |\n";
    }
    out += "\n</details>\n\n";
  }
  if (!result.rule_problems.empty()) {
    out += "<details>\n<summary>Rule problems (files not loaded, rules skipped): " + std::to_string(result.rule_problems.size()) +
           "</summary>\n\n";
    for (const Error& problem : result.rule_problems) out += "- " + markdown_inline(problem.describe()) + "\n";
    out += "\n</details>\n\n";
  }
  return out;
}

}  // namespace

std::string render_markdown(const AuditResult& result) {
  std::string out = verdict_section(result);
  if (result.measurement) out += markdown_measurement(*result.measurement, 3);
  out += findings_table(result);
  ShownOnce shown;
  for (const Finding* finding : findings_in_report_order(result)) out += finding_section(*finding, shown);
  out += unread_details(result);
  out += "---\n\n_" + markdown_inline(footer_line(result)) + "_\n";
  return out;
}

}  // namespace nwaudit::report
