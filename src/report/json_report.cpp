// --format json (schema nwaudit-report/1). The findings and the coverage of a whole Mac run to
// hundreds of kilobytes, so the text is written as it goes rather than built as a document first;
// it is the text json.dump(2, ' ', false, replace) writes for the same document.
#include <algorithm>

#include "formats.h"
#include "json_output.h"
#include "json_writer.h"
#include "measurement_json.h"
#include "report_model.h"

namespace nwaudit::report {
namespace {

constexpr const char* kSchema = "nwaudit-report/1";

// Room for the keys, quotes and indentation around the strings, by what holds them.
constexpr std::size_t kDocumentLayout = 4096;
constexpr std::size_t kFindingLayout = 700;
constexpr std::size_t kFixLayout = 300;
constexpr std::size_t kReferenceLayout = 80;
constexpr std::size_t kEvidenceLayout = 16;
constexpr std::size_t kCoverageLayout = 110;

std::size_t estimated_size(const AuditResult& result) {
  std::size_t size = kDocumentLayout;
  for (const Finding& finding : result.findings) {
    size += kFindingLayout + finding.subject.size() + finding.message.size() + finding.source.size() +
            finding.contradiction.size();
    for (const auto& [name, value] : finding.evidence) size += kEvidenceLayout + name.size() + value.size();
    for (const Fix& fix : finding.fixes) {
      size += kFixLayout + fix.title.size() + fix.description.size() + fix.command.size() + fix.side_effects.size();
    }
    for (const Reference& reference : rule_of(finding).references) {
      size += kReferenceLayout + reference.title.size() + reference.url.size();
    }
  }
  for (const CoverageEntry& entry : result.coverage) {
    size += kCoverageLayout + entry.collector.size() + entry.path.size() + entry.status.size() + entry.reason.size();
  }
  return size;
}

// An element's attributes as an object. Should a name come twice, it keeps the place of its
// first and the value of its last, as in an object built one key at a time.
void write_evidence(const std::vector<std::pair<std::string, std::string>>& evidence, JsonWriter& json) {
  json.begin_object();
  for (auto attribute = evidence.begin(); attribute != evidence.end(); ++attribute) {
    const auto named = [&](const auto& other) { return other.first == attribute->first; };
    if (std::any_of(evidence.begin(), attribute, named)) continue;  // written already
    json.field(attribute->first, std::find_if(evidence.rbegin(), evidence.rend(), named)->second);
  }
  json.end_object();
}

void write_fix(const Fix& fix, JsonWriter& json) {
  json.begin_object();
  json.field("audience", fix.audience);
  json.field("title", fix.title);
  json.field("description", fix.description);
  json.field("command", fix.command);
  json.field("needs_admin", fix.needs_admin);
  json.field("needs_reboot", fix.needs_reboot);
  json.field("needs_mdm", fix.needs_mdm);
  json.field("side_effects", fix.side_effects);
  json.end_object();
}

void write_finding(const Finding& finding, JsonWriter& json) {
  const Rule& rule = rule_of(finding);
  json.begin_object();
  json.field("rule", rule.id);
  json.field("title", rule.title);
  json.field("cause", to_string(rule.cause));
  json.field("effect", to_string(rule.effect));
  json.field("severity", to_string(rule.severity));
  json.field("confidence", to_string(finding.confidence));
  json.field("subject", finding.subject);
  json.field("message", finding.message);
  json.key("evidence");
  write_evidence(finding.evidence, json);
  json.field("evidence_element", finding.evidence_element);
  json.key("fixes");
  json.begin_array();
  for (const Fix& fix : finding.fixes) write_fix(fix, json);
  json.end_array();
  json.key("references");
  json.begin_array();
  for (const Reference& reference : rule.references) {
    json.begin_object();
    json.field("title", reference.title);
    json.field("url", reference.url);
    json.end_object();
  }
  json.end_array();
  json.field("source", finding.source);
  json.key("contradicted_by");
  if (finding.contradicted_by.empty()) {
    json.null();
  } else {
    json.value(finding.contradicted_by);
  }
  json.field("contradiction", finding.contradiction);
  json.end_object();
}

void write_coverage(const std::vector<CoverageEntry>& coverage, JsonWriter& json) {
  json.begin_array();
  for (const CoverageEntry& entry : coverage) {
    json.begin_object();
    json.field("collector", entry.collector);
    json.field("path", entry.path);
    json.field("status", entry.status);
    json.field("reason", entry.reason);
    json.end_object();
  }
  json.end_array();
}

void write_rule_problems(const std::vector<Error>& problems, JsonWriter& json) {
  json.begin_array();
  for (const Error& problem : problems) {
    json.begin_object();
    json.field("path", problem.path);
    json.field("location", problem.where());
    json.field("reason", problem.reason);
    json.end_object();
  }
  json.end_array();
}

// The measurement's sections are keys of the report itself.
void write_measurement(const Measurement& measurement, JsonWriter& json) {
  Json sections = Json::object();
  add_measurement_json(sections, measurement, "measurement_problems");
  for (const auto& [name, section] : sections.items()) {
    json.key(name);
    json.splice(section);
  }
}

}  // namespace

std::string render_json(const AuditResult& result, bool brief) {
  std::string text;
  text.reserve(estimated_size(result));
  JsonWriter json(text);
  json.begin_object();
  json.field("schema", kSchema);
  json.key("tool");
  json.begin_object();
  json.field("name", "nwaudit");
  json.field("version", result.tool_version);
  json.end_object();
  json.key("host");
  json.splice(host_json(result.host));
  json.field("source", result.source);
  if (brief) json.field("brief", true);
  if (!result.redacted.empty()) {
    json.key("redacted");
    json.splice(redacted_json(result));
  }
  if (!result.rules_version.empty()) json.field("rules_version", result.rules_version);
  json.key("verdict");
  json.splice(verdict_json(result));
  if (result.measurement) write_measurement(*result.measurement, json);
  json.key("findings");
  json.begin_array();
  for (const Finding& finding : result.findings) write_finding(finding, json);
  json.end_array();
  json.key("coverage");
  write_coverage(result.coverage, json);
  json.key("rule_problems");
  write_rule_problems(result.rule_problems, json);
  json.end_object();
  text += '\n';
  return text;
}

}  // namespace nwaudit::report
