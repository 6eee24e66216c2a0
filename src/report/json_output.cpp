#include "json_output.h"

#include "json_writer.h"

#include "measurement_wording.h"
#include "report_model.h"

namespace nwaudit::report {

std::string json_text(const Json& json) {
  std::string text;
  append_pretty_json(json, 0, text);
  text += '\n';
  return text;
}

Json verdict_json(const AuditResult& result) {
  Json causes = Json::array();
  for (const Finding* cause : cause_findings(result)) causes.push_back(rule_of(*cause).id);
  return {{"path", to_string(result.verdict.path)},
          {"confidence", to_string(result.verdict.confidence)},
          {"summary", result.verdict.summary},
          {"causes", causes},
          {"blind_spots", result.verdict.blind_spots},
          {"predicted", to_string(result.verdict.predicted)},
          {"observed", result.verdict.observed},
          {"decided_by", to_string(result.verdict.basis)},
          {"contradicted", result.verdict.contradicted},
          {"contradiction", contradiction_sentence(result.verdict)},
          {"sources_read", result.verdict.sources_read},
          {"sources_sought", result.verdict.sources_sought}};
}

Json host_json(const AuditResult::Host& host) {
  return {
      {"product", host.product}, {"version", host.version}, {"build", host.build}, {"architecture", host.architecture}};
}

Json redacted_json(const AuditResult& result) {
  Json kinds = Json::array();
  for (const AuditResult::Redacted& kind : result.redacted) kinds.push_back({{"kind", kind.kind}, {"values", kind.values}});
  return kinds;
}

}  // namespace nwaudit::report
