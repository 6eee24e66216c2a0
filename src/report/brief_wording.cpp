#include "brief_wording.h"

#include "report_model.h"
#include "report_text.h"

namespace nwaudit::report {

std::string brief_cause_title(const Finding& finding) {
  return rule_of(finding).title + " (" + to_string(finding.confidence) + ")";
}

std::string brief_fix_title(const Fix& fix) {
  const std::string needs = needs_label(fix);
  return needs.empty() ? fix.title : fix.title + " (" + needs + ")";
}

std::string_view brief_command(const Fix& fix) {
  const std::string_view command = fix.command;
  return command.find('\n') == std::string_view::npos ? command : std::string_view{};
}

std::string_view basis_phrase(VerdictBasis basis) {
  switch (basis) {
    case VerdictBasis::configuration: return "the Mac's settings (a prediction)";
    case VerdictBasis::kernel: return "the kernel's captured state";
    case VerdictBasis::measurement: return "a measurement of real connections";
  }
  return "the Mac's settings (a prediction)";
}

std::string brief_read_sentence(const Verdict& verdict) {
  return std::to_string(verdict.sources_read) + " of " + std::to_string(verdict.sources_sought) +
         " sources nwaudit looked for.";
}

bool falls_back(NetworkPath path) { return path == NetworkPath::sockets || path == NetworkPath::mixed; }

std::string more_causes_sentence(std::size_t count) {
  return std::to_string(count) + (count == 1 ? " more cause: the full report (nwaudit audit without --brief) has it."
                                              : " more causes: the full report (nwaudit audit without --brief) has them.");
}

std::string more_unread_sentence(std::size_t count, bool could_change_verdict) {
  std::string sentence = std::to_string(count) + (count == 1 ? " source was" : " sources were") + " not read";
  return sentence + (could_change_verdict ? ": the full report lists them."
                                          : "; none of them could change the verdict.");
}

}  // namespace nwaudit::report
