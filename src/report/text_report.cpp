#include <algorithm>
#include <string>
#include <vector>

#include "display_text.h"
#include "formats.h"
#include "measurement_text.h"
#include "measurement_wording.h"
#include "report_model.h"
#include "report_text.h"
#include "text_blocks.h"

namespace nwaudit::report {
namespace {

constexpr std::size_t kFindingIndent = 2;
constexpr std::size_t kDetailIndent = 6;

Tone severity_tone(Severity severity) {
  switch (severity) {
    case Severity::critical: return Tone::bold_red;
    case Severity::high: return Tone::red;
    case Severity::medium: return Tone::yellow;
    case Severity::low: return Tone::cyan;
    case Severity::info: return Tone::dim;
  }
  return Tone::plain;
}

std::string upper(std::string_view text) {
  std::string result(text);
  for (char& c : result) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return result;
}

// name=value, with the value quoted when it would not read as one token.
std::string attribute_token(const std::string& name, const std::string& value) {
  const bool plain = !value.empty() && value.find_first_of(" \"\n") == std::string::npos;
  if (plain) return name + "=" + value;
  std::string quoted = name + "=\"";
  for (const char c : value) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

void write_verdict(TextOutput& out, const AuditResult& result) {
  const Verdict& verdict = result.verdict;
  out.heading(0, verdict_headline(verdict), path_tone(verdict.path));
  if (verdict.contradicted) out.paragraph(2, contradiction_sentence(verdict));
  if (!verdict.summary.empty()) out.paragraph(2, verdict.summary);
  std::vector<std::string> causes;
  for (const Finding* cause : cause_findings(result)) {
    const std::string& id = rule_of(*cause).id;
    causes.push_back(cause->subject.empty() ? id : id + " (" + cause->subject + ")");
  }
  for (std::size_t i = 0; i + 1 < causes.size(); ++i) causes[i] += ",";
  if (!causes.empty()) out.tokens(2, causes, "Decided by: ");
  const std::size_t named = std::min(verdict.blind_spots.size(), kBlindSpotsNamed);
  for (std::size_t i = 0; i < named; ++i) out.paragraph(2, blind_spot_sentence(verdict.blind_spots[i]));
  if (verdict.blind_spots.size() > named) {
    out.paragraph(2, more_blind_spots_sentence(verdict.blind_spots.size() - named));
  }
  out.paragraph(2, read_sentence(verdict), "Read: ");
  out.paragraph(2, host_phrase(result.host), "Mac: ");
}

void write_finding(TextOutput& out, const Finding& finding, ShownOnce& shown) {
  const Rule& rule = rule_of(finding);
  out.paragraph(kFindingIndent, rule.id + ": " + rule.title,
                std::string("[").append(upper(to_string(rule.severity))).append("] "), severity_tone(rule.severity));
  const std::string confidence = std::string("(").append(to_string(finding.confidence)).append(" confidence)");
  out.paragraph(kDetailIndent, finding.subject.empty() ? confidence : one_line(finding.subject) + " " + confidence,
                "Subject: ");
  if (!finding.message.empty()) out.paragraph(kDetailIndent, finding.message);
  std::vector<std::string> evidence;
  if (!finding.evidence_element.empty()) evidence.push_back("<" + finding.evidence_element + ">");
  for (const auto& [name, value] : finding.evidence) evidence.push_back(attribute_token(name, value));
  if (!evidence.empty()) out.tokens(kDetailIndent, evidence, "Evidence: ");
  if (!finding.source.empty()) out.paragraph(kDetailIndent, finding.source, "Source: ");
  if (!finding.contradicted_by.empty()) out.paragraph(kDetailIndent, finding.contradiction, "Contradicted: ");
  write_fixes(out, kDetailIndent, finding.fixes, &shown);
  write_references(out, kDetailIndent, rule.references, &shown);
}

void write_findings(TextOutput& out, const AuditResult& result) {
  if (result.findings.empty()) {
    out.heading(0, kNoFindings);
    out.blank();
    return;
  }
  ShownOnce shown;
  for (const FindingGroup& group : finding_groups(result)) {
    out.heading(0, group.heading + " (" + std::to_string(group.findings.size()) + ")");
    for (const Finding* finding : group.findings) {
      out.blank();
      write_finding(out, *finding, shown);
    }
    out.blank();
  }
}

void write_unread(TextOutput& out, const AuditResult& result) {
  const std::vector<const CoverageEntry*> problems = coverage_problems(result);
  if (!problems.empty()) {
    out.heading(0, "Could not read (" + std::to_string(problems.size()) + ")");
    for (const CoverageEntry* entry : problems) {
      std::string status = entry->status;
      status.resize(std::max<std::size_t>(status.size() + 1, 12), ' ');
      out.paragraph(2, coverage_problem_detail(*entry), status);
    }
    out.blank();
  }
  if (!result.rule_problems.empty()) {
    out.heading(0, "Rule problems: files not loaded, rules skipped (" + std::to_string(result.rule_problems.size()) + ")");
    for (const Error& problem : result.rule_problems) out.paragraph(2, problem.describe(), "- ");
    out.blank();
  }
}

}  // namespace

std::string render_text(const AuditResult& result, bool color) {
  TextOutput out(color);
  write_verdict(out, result);
  out.blank();
  if (result.measurement) {
    write_measurement(out, *result.measurement);
    out.blank();
  }
  write_findings(out, result);
  write_unread(out, result);
  out.heading(0, footer_line(result), Tone::dim);
  return out.text();
}

}  // namespace nwaudit::report
