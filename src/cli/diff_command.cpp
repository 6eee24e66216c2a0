#include "cli_support.h"
#include "diff_input.h"
#include "exit_codes.h"
#include "nwaudit/compare/comparison.h"
#include "nwaudit/report/comparison_report.h"
#include "nwaudit/version.h"

namespace nwaudit::cli {

int run_diff_command(const DiffOptions& options) {
  const auto format = report_format_from(options.format);
  if (!format || (*format != ReportFormat::text && *format != ReportFormat::json && *format != ReportFormat::markdown)) {
    complain("unknown --format " + options.format + " for diff (text, json or markdown)");
    return exit_code::kUsage;
  }
  const std::string& which = options.sysdiagnose;
  if (!which.empty() && which != "a" && which != "b" && which != "both" && which != "A" && which != "B") {
    complain("--sysdiagnose names the side to read as a sysdiagnose: a, b or both");
    return exit_code::kUsage;
  }
  const Knowledge knowledge = load_knowledge_for(options.input);
  int status = exit_code::kOk;
  const bool both = which == "both";
  auto a = open_diff_side(options.a, both || which == "a" || which == "A", knowledge, status);
  if (!a) return status;
  auto b = open_diff_side(options.b, both || which == "b" || which == "B", knowledge, status);
  if (!b) return status;
  for (AuditedMac* mac : {&*a, &*b}) {
    if (!mac->facts) continue;  // a saved report keeps the versions it was made with
    mac->result.tool_version = kVersion;
    mac->result.rules_version = knowledge.version;
  }
  const Comparison comparison = compare(*a, *b);
  const std::string report = render_comparison(comparison, *format, ReportOptions{use_color(options.output)}, kVersion);
  if (const int written = emit(report, options.output); written != exit_code::kOk) return written;
  if (!knowledge.problems.empty()) return exit_code::kRuleError;
  return comparison.equal() ? exit_code::kOk : exit_code::kDiffer;
}

}  // namespace nwaudit::cli
