// --format ndjson: one line of JSON per audit, for Splunk, Elastic and other log pipelines.
// Field names are stable (schema "nwaudit-ndjson/1", man/nwaudit-ndjson.schema.json).
#include "formats.h"
#include "json_output.h"
#include "report_model.h"

namespace nwaudit::report {
namespace {

constexpr const char* kSchema = "nwaudit-ndjson/1";

Json nullable(const std::string& text) { return text.empty() ? Json() : Json(text); }

std::string evidence_value(const Finding& finding, std::string_view name) {
  for (const auto& [key, value] : finding.evidence) {
    if (key == name) return value;
  }
  return {};
}

Json finding_line(const Finding& finding) {
  const Rule& rule = rule_of(finding);
  Json json = {{"rule", rule.id},
               {"effect", to_string(rule.effect)},
               {"severity", to_string(rule.severity)},
               {"confidence", to_string(finding.confidence)},
               {"subject", finding.subject}};
  for (const char* field : {"vendor", "product"}) {
    if (std::string value = evidence_value(finding, field); !value.empty()) json[field] = value;
  }
  return json;
}

}  // namespace

std::string render_ndjson(const AuditResult& result, const ReportOptions::Run& run) {
  const Json full_verdict = verdict_json(result);
  Json verdict = Json::object();
  for (const char* field : {"path", "confidence", "decided_by", "contradicted", "causes", "blind_spots", "sources_read",
                            "sources_sought"}) {
    verdict[field] = full_verdict.at(field);
  }
  Json findings = Json::array();
  for (const Finding& finding : result.findings) findings.push_back(finding_line(finding));
  const Json line = {{"schema", kSchema},
                     {"tool", {{"name", "nwaudit"}, {"version", result.tool_version}}},
                     {"rules_version", nullable(result.rules_version)},
                     {"machine", nullable(run.machine)},
                     {"machine_kind", run.machine.empty() ? "unknown" : run.machine_kind},
                     {"audited_at", nullable(run.audited_at)},
                     {"host", host_json(result.host)},
                     {"verdict", verdict},
                     {"findings", findings}};
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace nwaudit::report
