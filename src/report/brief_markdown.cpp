#include <algorithm>
#include <string>

#include "brief_result.h"
#include "brief_wording.h"
#include "formats.h"
#include "markdown_escape.h"
#include "measurement_wording.h"
#include "report_model.h"
#include "report_text.h"

// Markdown that pastes into GitHub, Jira and Apple's forums alike: no HTML, no tables, no
// fences; lists and code spans only, and no line broken inside an identifier.
namespace nwaudit::report {
namespace {

std::string causes_list(const AuditResult& brief, std::size_t shown) {
  if (brief.findings.empty()) return {};
  std::string out = "**Causes**\n\n";
  for (std::size_t i = 0; i < shown; ++i) {
    const Finding& cause = brief.findings[i];
    out += std::to_string(i + 1) + ". " + markdown_code(rule_of(cause).id);
    if (!cause.subject.empty()) out += " on " + markdown_inline(cause.subject);
    out += ": " + markdown_inline(brief_cause_title(cause)) + "\n";
    if (cause.fixes.empty()) continue;
    const Fix& fix = cause.fixes.front();
    out += "   - Fix: " + markdown_inline(brief_fix_title(fix));
    if (const std::string_view command = brief_command(fix); !command.empty()) out += ": " + markdown_code(command);
    out += "\n";
  }
  if (shown < brief.findings.size()) out += "\n" + markdown_inline(more_causes_sentence(brief.findings.size() - shown)) + "\n";
  return out + "\n";
}

std::string unread_list(const AuditResult& brief) {
  const std::vector<std::string>& blind = brief.verdict.blind_spots;
  if (brief.coverage.empty() && blind.empty()) return {};
  const std::size_t named = std::min(blind.size(), kBlindSpotsNamed);
  std::string out = "**Not read**\n\n";
  for (std::size_t i = 0; i < named; ++i) out += "- " + markdown_inline(blind_spot_sentence(blind[i])) + "\n";
  const std::size_t others = brief.coverage.size() > named ? brief.coverage.size() - named : 0;
  if (others > 0) out += "- " + markdown_inline(more_unread_sentence(others, blind.size() > named)) + "\n";
  return out + "\n";
}

}  // namespace

std::string render_brief_markdown(const AuditResult& full) {
  const AuditResult brief = brief_result(full);
  const Verdict& verdict = brief.verdict;
  std::string out = "**" + markdown_inline(verdict_headline(verdict)) + "**\n\n";
  if (verdict.contradicted) out += "**Contradicted:** " + markdown_inline(contradiction_sentence(verdict)) + "\n\n";
  out += "- **Decided by:** " + markdown_inline(basis_phrase(verdict.basis)) + "\n";
  out += "- **Read:** " + markdown_inline(brief_read_sentence(verdict)) + "\n";
  out += "- **Mac:** " + markdown_inline(host_phrase(brief.host)) + "\n\n";
  out += causes_list(brief, brief_causes_shown(full));
  out += unread_list(brief);
  const Fix* app_fix = first_app_fix(full);
  if (app_fix && falls_back(verdict.path)) {
    out += "**In the app:** " + markdown_inline(brief_fix_title(*app_fix)) + "\n\n";
  }
  if (!brief.rule_problems.empty()) {
    out += markdown_inline(std::to_string(brief.rule_problems.size()) + " rule problems: the full report lists them.") + "\n\n";
  }
  return out + "_" + markdown_inline(footer_line(brief)) + "_\n";
}

}  // namespace nwaudit::report
