#include "summarize_command.h"

#include "cli_support.h"
#include "exit_codes.h"
#include "nwaudit/fleet/report_files.h"
#include "nwaudit/report/summary_report.h"

namespace nwaudit::cli {
namespace {

// Each rule's kind (its cause), for ndjson lines, which name only the rule.
fleet::RuleKinds rule_kinds(const std::vector<std::string>& rule_directories) {
  InputOptions input;
  input.rule_directories = rule_directories;
  fleet::RuleKinds kinds;
  for (const Rule& rule : load_knowledge_for(input).rules) kinds.emplace(rule.id, to_string(rule.cause));
  return kinds;
}

}  // namespace

int run_summarize_command(const SummarizeOptions& options) {
  const auto format = summary_format_named(options.format);
  if (!format) {
    complain("unknown --format " + options.format + " (text, json, markdown or html)");
    return exit_code::kUsage;
  }
  fleet::FleetTally tally(rule_kinds(options.rule_directories));
  bool unreadable = false;
  for (const std::string& path : options.paths) {
    if (auto added = fleet::add_reports(path, tally); !added) {
      complain(added.error().describe());
      unreadable = true;
    }
  }
  const fleet::FleetSummary& summary = tally.summary();
  for (const Error& skipped : summary.skipped_named) complain("skipped " + skipped.describe());
  if (summary.skipped > summary.skipped_named.size()) {
    complain("skipped " + std::to_string(summary.skipped - summary.skipped_named.size()) + " more reports");
  }
  if (const int written = emit(render_summary(summary, *format), options.output); written != exit_code::kOk) return written;
  if (unreadable) return exit_code::kInputError;
  return summary.skipped == 0 ? exit_code::kOk : exit_code::kIncomplete;
}

}  // namespace nwaudit::cli
