#include <algorithm>
#include <string>

#include "brief_result.h"
#include "brief_wording.h"
#include "formats.h"
#include "measurement_wording.h"
#include "report_model.h"
#include "report_text.h"
#include "text_blocks.h"

namespace nwaudit::report {
namespace {

constexpr std::size_t kCauseIndent = 2;
constexpr std::size_t kFixIndent = 5;

void write_causes(TextOutput& out, const AuditResult& brief, std::size_t shown) {
  if (brief.findings.empty()) return;
  out.heading(0, "Causes");
  for (std::size_t i = 0; i < shown; ++i) {
    const Finding& cause = brief.findings[i];
    std::string named = rule_of(cause).id;
    if (!cause.subject.empty()) named += " on " + cause.subject;
    out.paragraph(kCauseIndent, named + ": " + brief_cause_title(cause), std::to_string(i + 1) + ". ");
    if (cause.fixes.empty()) continue;
    const Fix& fix = cause.fixes.front();
    out.paragraph(kFixIndent, brief_fix_title(fix), "Fix: ");
    if (const std::string_view command = brief_command(fix); !command.empty()) out.verbatim(kFixIndent, command, "$ ");
  }
  if (shown < brief.findings.size()) out.paragraph(kCauseIndent, more_causes_sentence(brief.findings.size() - shown));
}

void write_unread(TextOutput& out, const AuditResult& brief) {
  const std::vector<std::string>& blind = brief.verdict.blind_spots;
  const std::size_t named = std::min(blind.size(), kBlindSpotsNamed);
  if (brief.coverage.empty() && blind.empty()) return;
  out.heading(0, "Not read");
  for (std::size_t i = 0; i < named; ++i) out.paragraph(2, blind_spot_sentence(blind[i]), "- ");
  const std::size_t others = brief.coverage.size() > named ? brief.coverage.size() - named : 0;
  if (others > 0) out.paragraph(2, more_unread_sentence(others, blind.size() > named), "- ");
}

std::string brief_text(const AuditResult& full, const AuditResult& brief, std::size_t shown, bool color) {
  TextOutput out(color);
  const Verdict& verdict = brief.verdict;
  out.heading(0, verdict_headline(verdict), path_tone(verdict.path));
  if (verdict.contradicted) out.paragraph(2, contradiction_sentence(verdict));
  out.paragraph(2, basis_phrase(verdict.basis), "Decided by: ");
  out.paragraph(2, brief_read_sentence(verdict), "Read: ");
  out.paragraph(2, host_phrase(brief.host), "Mac: ");
  write_causes(out, brief, shown);
  write_unread(out, brief);
  const Fix* app_fix = first_app_fix(full);
  if (app_fix && falls_back(verdict.path)) out.paragraph(0, brief_fix_title(*app_fix), "In the app: ");
  if (!brief.rule_problems.empty()) {
    out.paragraph(0, std::to_string(brief.rule_problems.size()) + " rule problems: the full report lists them.");
  }
  out.heading(0, footer_line(brief), Tone::dim);
  return out.text();
}

std::size_t line_count(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

}  // namespace

std::size_t brief_causes_shown(const AuditResult& full) {
  const AuditResult brief = brief_result(full);
  std::size_t shown = std::min(brief.findings.size(), kBriefCauses);
  while (shown > 1 && line_count(brief_text(full, brief, shown, false)) > kBriefLines) --shown;
  return shown;
}

std::string render_brief_text(const AuditResult& full, bool color) {
  return brief_text(full, brief_result(full), brief_causes_shown(full), color);
}

}  // namespace nwaudit::report
