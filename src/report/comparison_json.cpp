#include "comparison_formats.h"
#include "json_output.h"
#include "nwaudit/report/comparison_report.h"

namespace nwaudit::report {
namespace {

constexpr const char* kSchema = "nwaudit-diff/1";

Json side_json(const AuditedMac& mac) {
  return {{"name", mac.name},
          {"source", mac.result.source},
          {"read_from", mac.facts ? "facts" : "report"},
          {"host", host_json(mac.result.host)},
          {"verdict", verdict_json(mac.result)}};
}

}  // namespace

std::string render_comparison_json(const Comparison& comparison, std::string_view tool_version) {
  Json causes = Json::array();
  for (const CauseDifference& cause : comparison.causes) {
    causes.push_back({{"side", side_name(cause.side)},
                      {"statement", statement(cause)},
                      {"what", cause.what},
                      {"elsewhere", cause.elsewhere},
                      {"rules", cause.rules}});
  }
  Json confidence = Json::array();
  for (const ConfidenceDifference& difference : comparison.confidence) {
    confidence.push_back({{"side", side_name(difference.side)}, {"sentence", difference.sentence}});
  }
  Json other = Json::array();
  for (const FactDifference& difference : comparison.facts) {
    Json changes = Json::array();
    for (const AttributeChange& change : difference.changes) {
      changes.push_back({{"name", change.name}, {"a", change.a}, {"b", change.b}});
    }
    other.push_back({{"group", difference.group},
                     {"element", difference.element},
                     {"side", side_name(difference.side)},
                     {"changes", changes}});
  }
  const Json report = {{"schema", kSchema},
                       {"tool", {{"name", "nwaudit"}, {"version", tool_version}}},
                       {"answer", comparison_answer(comparison)},
                       {"equal", comparison.equal()},
                       {"same_verdict", comparison.same_verdict},
                       {"same_causes", comparison.same_causes},
                       {"a", side_json(*comparison.a)},
                       {"b", side_json(*comparison.b)},
                       {"causes", causes},
                       {"confidence", confidence},
                       {"other", other},
                       {"not_compared", comparison.not_compared}};
  return json_text(report);
}

}  // namespace nwaudit::report
