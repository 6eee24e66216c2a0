#include "cli_support.h"
#include "knowledge_loading.h"
#include "measure_support.h"
#include "report_redaction.h"
#include "run_labels.h"
#include "nwaudit/audit/audit.h"
#include "exit_codes.h"
#include "nwaudit/report/report.h"
#include "nwaudit/rules/rule_files.h"

namespace nwaudit::cli {
namespace {

// A facts document saved by `nwaudit facts`, checked to be one.
Expected<pugi::xml_document> load_facts_file(const std::string& path) {
  auto text = read_rule_file(path);
  if (!text) return std::move(text).error();
  return load_facts_document(*text, path);
}

bool any_at_or_above(const std::vector<Finding>& findings, Severity threshold) {
  for (const Finding& finding : findings) {
    if (finding.rule->severity >= threshold) return true;
  }
  return false;
}

}  // namespace

int run_audit_command(const AuditOptions& options) {
  const auto format = report_format_from(options.format);
  if (!format) {
    complain("unknown --format " + options.format + " (text, json, markdown, sarif, ndjson or jamf)");
    return exit_code::kUsage;
  }
  const std::optional<Severity> fail_on = options.fail_on == "none" ? std::nullopt : severity_from(options.fail_on);
  if (!fail_on && options.fail_on != "none") {
    complain("unknown --fail-on " + options.fail_on + " (none, info, low, medium, high or critical)");
    return exit_code::kUsage;
  }
  if ((options.input.root || options.input.sysdiagnose) && options.input.facts_file) {
    complain("--root, --sysdiagnose and --facts are three ways to name the Mac: give one");
    return exit_code::kUsage;
  }
  const bool live = !options.input.root && !options.input.sysdiagnose && !options.input.facts_file;
  if (options.measure.target && (!live || options.no_probe || options.measure.lsof)) {
    complain("--probe-target probes the Mac nwaudit runs on: it goes with a live audit, without --root, --facts, "
             "--lsof or --no-probe");
    return exit_code::kUsage;
  }

  // The rules load while the Mac is read when that can help; only the vendor annotations, the
  // last step of reading it, wait for them.
  const bool reads_mac = !options.input.facts_file;
  KnowledgeLoading knowledge_loading(options.input, reads_mac && load_rules_while_reading(options.input.jobs));
  pugi::xml_document loaded;
  std::unique_ptr<Facts> collected;
  ReportOptions::Run run;  // ndjson's machine and time
  const bool fleet_line = *format == ReportFormat::ndjson;
  if (options.input.facts_file) {
    if (fleet_line) run = run_labels(nullptr, false, options.host_name);
    auto document = load_facts_file(*options.input.facts_file);
    if (!document) {
      complain(document.error().describe());
      return exit_code::kInputError;
    }
    loaded = std::move(*document);
  } else {
    int status = exit_code::kOk;
    std::unique_ptr<Source> source;
    {
      // Why the Mac cannot be read follows the rules' problems, as when the rules load first.
      const HeldComplaints held;
      source = open_input_source(options.input, status);
      if (!source) knowledge_loading.get();
    }
    if (!source) return status;
    collected = collect_mac_facts(
        *source, [&]() -> const VendorCatalog& { return knowledge_loading.get().vendors; }, options.input.jobs);
    if (fleet_line) run = run_labels(source.get(), live, options.host_name);
  }
  const Knowledge& knowledge = knowledge_loading.get();
  ReportRedaction redaction(options.redact);
  const pugi::xml_document& facts = redaction.facts(collected ? collected->document() : loaded);

  AuditResult result = audit_with(facts, knowledge, options.input.jobs);
  if (options.input.facts_file) result.source = "facts file " + *options.input.facts_file;
  if (options.measure.lsof || (live && !options.no_probe && can_probe())) {
    int status = exit_code::kOk;
    auto measurement = take_measurement(options.measure, measurement_context_of(facts), status);
    if (!measurement) return status;
    apply_measurement(result, std::move(*measurement));
  }
  const std::string report = redaction.report(result, [&](const AuditResult& redacted) {
    return render_report(redacted, *format, ReportOptions{use_color(options.output), options.brief, run});
  });
  const int written = emit(report, options.output);
  if (written != exit_code::kOk) return written;

  if (!result.rule_problems.empty()) return exit_code::kRuleError;
  if (fail_on && any_at_or_above(result.findings, *fail_on)) return exit_code::kFindings;
  if (!result.verdict.blind_spots.empty()) return exit_code::kIncomplete;
  return exit_code::kOk;
}

}  // namespace nwaudit::cli
