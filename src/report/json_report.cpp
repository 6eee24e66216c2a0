#include "formats.h"
#include "json_output.h"
#include "measurement_json.h"
#include "report_model.h"

namespace nwaudit::report {
namespace {

constexpr const char* kSchema = "nwaudit-report/1";

Json fix_json(const Fix& fix) {
  return {{"audience", fix.audience},       {"title", fix.title},
          {"description", fix.description}, {"command", fix.command},
          {"needs_admin", fix.needs_admin}, {"needs_reboot", fix.needs_reboot},
          {"needs_mdm", fix.needs_mdm},     {"side_effects", fix.side_effects}};
}

Json finding_json(const Finding& finding) {
  const Rule& rule = rule_of(finding);
  Json evidence = Json::object();
  for (const auto& [name, value] : finding.evidence) evidence[name] = value;
  Json fixes = Json::array();
  for (const Fix& fix : finding.fixes) fixes.push_back(fix_json(fix));
  Json references = Json::array();
  for (const Reference& reference : rule.references) {
    references.push_back({{"title", reference.title}, {"url", reference.url}});
  }
  return {{"rule", rule.id},
          {"title", rule.title},
          {"cause", to_string(rule.cause)},
          {"effect", to_string(rule.effect)},
          {"severity", to_string(rule.severity)},
          {"confidence", to_string(finding.confidence)},
          {"subject", finding.subject},
          {"message", finding.message},
          {"evidence", std::move(evidence)},
          {"evidence_element", finding.evidence_element},
          {"fixes", std::move(fixes)},
          {"references", std::move(references)},
          {"source", finding.source},
          {"contradicted_by", finding.contradicted_by.empty() ? Json() : Json(finding.contradicted_by)},
          {"contradiction", finding.contradiction}};
}

}  // namespace

std::string render_json(const AuditResult& result, bool brief) {
  Json findings = Json::array();
  for (const Finding& finding : result.findings) findings.push_back(finding_json(finding));
  Json coverage = Json::array();
  coverage.get_ref<Json::array_t&>().reserve(result.coverage.size());
  for (const CoverageEntry& entry : result.coverage) {
    Json& row = coverage.emplace_back(Json::object());
    auto& fields = row.get_ref<Json::object_t&>();
    fields.reserve(4);
    fields.emplace_back("collector", entry.collector);
    fields.emplace_back("path", entry.path);
    fields.emplace_back("status", entry.status);
    fields.emplace_back("reason", entry.reason);
  }
  Json rule_problems = Json::array();
  for (const Error& problem : result.rule_problems) {
    rule_problems.push_back({{"path", problem.path}, {"location", problem.where()}, {"reason", problem.reason}});
  }
  Json report = {
      {"schema", kSchema},
      {"tool", {{"name", "nwaudit"}, {"version", result.tool_version}}},
      {"host", host_json(result.host)},
      {"source", result.source},
  };
  if (brief) report["brief"] = true;
  if (!result.redacted.empty()) report["redacted"] = redacted_json(result);
  if (!result.rules_version.empty()) report["rules_version"] = result.rules_version;
  report["verdict"] = verdict_json(result);
  if (result.measurement) add_measurement_json(report, *result.measurement, "measurement_problems");
  report["findings"] = std::move(findings);
  report["coverage"] = std::move(coverage);
  report["rule_problems"] = std::move(rule_problems);
  return json_text(report);
}

}  // namespace nwaudit::report
