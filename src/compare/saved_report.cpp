// A saved JSON report read back into an AuditResult: the fields man/nwaudit-report.schema.json
// defines and the comparison uses. The rules its findings name are rebuilt from the findings.
#include <fmt/core.h>

#include <map>
#include <nlohmann/json.hpp>

#include "nwaudit/compare/audited_mac.h"

namespace nwaudit {
namespace {

using Json = nlohmann::json;

constexpr std::string_view kReportSchema = "nwaudit-report/1";

// Reads the keys of one JSON object, and remembers the first key that is missing or of the
// wrong type, by its place in the document ("findings[2].rule").
class Fields {
 public:
  Fields(const Json& object, std::string where, std::string& problem)
      : object_(object), where_(std::move(where)), problem_(problem) {
    if (!object_.is_object()) fail(where_.empty() ? "the document" : where_, "is not an object");
  }

  std::string text(const char* key, bool required = true) const {
    const Json* value = find(key, required);
    if (value == nullptr) return {};
    if (!value->is_string()) return fail(place(key), "is not a string"), std::string();
    return value->get<std::string>();
  }
  bool flag(const char* key) const {
    const Json* value = find(key, false);
    if (value == nullptr) return false;
    if (!value->is_boolean()) return fail(place(key), "is not true or false"), false;
    return value->get<bool>();
  }
  std::size_t count(const char* key) const {
    const Json* value = find(key, false);
    if (value == nullptr) return 0;
    if (!value->is_number_unsigned()) return fail(place(key), "is not a count"), 0;
    return value->get<std::size_t>();
  }
  std::vector<std::string> texts(const char* key) const {
    std::vector<std::string> values;
    const Json* list = find(key, true);
    if (list == nullptr) return values;
    if (!list->is_array()) return fail(place(key), "is not a list"), values;
    for (std::size_t i = 0; i < list->size(); ++i) {
      if (!(*list)[i].is_string()) return fail(place(key) + fmt::format("[{}]", i), "is not a string"), values;
      values.push_back((*list)[i].get<std::string>());
    }
    return values;
  }
  // Each element of a list of objects, with its place.
  template <typename Each>
  void objects(const char* key, Each each) const {
    const Json* list = find(key, true);
    if (list == nullptr) return;
    if (!list->is_array()) return fail(place(key), "is not a list");
    for (std::size_t i = 0; i < list->size() && problem_.empty(); ++i) {
      each(Fields((*list)[i], place(key) + fmt::format("[{}]", i), problem_));
    }
  }
  Fields child(const char* key) const {
    const Json* value = find(key, true);
    return Fields(value != nullptr ? *value : kEmptyObject, place(key), problem_);
  }
  const Json& json() const { return object_; }
  std::string place(const char* key) const { return where_.empty() ? key : where_ + "." + key; }
  void fail(const std::string& place, const std::string& why) const {
    if (problem_.empty()) problem_ = place + " " + why;
  }

 private:
  const Json* find(const char* key, bool required) const {
    if (!object_.is_object()) return nullptr;
    const auto found = object_.find(key);
    if (found == object_.end() || (found->is_null() && !required)) {
      if (required) fail(place(key), "is missing");
      return nullptr;
    }
    return &*found;
  }

  static inline const Json kEmptyObject = Json::object();
  const Json& object_;
  std::string where_;
  std::string& problem_;
};

// The value of `text` among an enumeration's names, through its to_string.
template <typename Enum, std::size_t N>
std::optional<Enum> named(std::string_view text, const Enum (&values)[N]) {
  for (const Enum value : values) {
    if (text == to_string(value)) return value;
  }
  return std::nullopt;
}

template <typename Enum>
Enum enumerated(const Fields& fields, const char* key, std::optional<Enum> value, Enum fallback) {
  if (!value) fields.fail(fields.place(key), "has a value that nwaudit-report/1 does not define");
  return value.value_or(fallback);
}

constexpr NetworkPath kPaths[] = {NetworkPath::user_space, NetworkPath::sockets, NetworkPath::mixed,
                                  NetworkPath::unknown};
constexpr VerdictBasis kBases[] = {VerdictBasis::configuration, VerdictBasis::kernel, VerdictBasis::measurement};

Finding read_finding(const Fields& fields, std::deque<Rule>& rules) {
  Rule& rule = rules.emplace_back();
  rule.id = fields.text("rule");
  rule.title = fields.text("title");
  rule.cause = enumerated(fields, "cause", cause_from(fields.text("cause")), Cause::other);
  rule.effect = enumerated(fields, "effect", effect_from(fields.text("effect")), Effect::informational);
  rule.severity = enumerated(fields, "severity", severity_from(fields.text("severity")), Severity::info);
  Finding finding;
  finding.rule = &rule;
  finding.confidence = enumerated(fields, "confidence", confidence_from(fields.text("confidence")), Confidence::low);
  rule.confidence = finding.confidence;
  finding.subject = fields.text("subject");
  finding.message = fields.text("message");
  finding.evidence_element = fields.text("evidence_element");
  finding.source = fields.text("source");
  finding.contradicted_by = fields.text("contradicted_by", false);
  finding.contradiction = fields.text("contradiction", false);
  const Fields evidence = fields.child("evidence");
  if (evidence.json().is_object()) {
    for (const auto& [name, value] : evidence.json().items()) {
      if (!value.is_string()) return evidence.fail(evidence.place(name.c_str()), "is not a string"), finding;
      finding.evidence.emplace_back(name, value.get<std::string>());
    }
  }
  return finding;
}

// The verdict's causes are rule ids, one per cause finding: the n-th time an id appears is the
// n-th finding of that rule that nothing contradicts.
std::vector<std::size_t> cause_indexes(const std::vector<std::string>& ids, const std::vector<Finding>& findings,
                                       const Fields& verdict) {
  std::vector<std::size_t> indexes;
  std::map<std::string, std::size_t> used;
  for (const std::string& id : ids) {
    std::size_t seen = 0;
    std::optional<std::size_t> found;
    for (std::size_t i = 0; i < findings.size() && !found; ++i) {
      if (findings[i].rule->id != id || !findings[i].contradicted_by.empty()) continue;
      if (seen++ == used[id]) found = i;
    }
    if (!found) {
      verdict.fail(verdict.place("causes"), "names " + id + ", which no finding of the report has");
      return indexes;
    }
    ++used[id];
    indexes.push_back(*found);
  }
  return indexes;
}

void read_verdict(const Fields& fields, AuditResult& result, const std::vector<std::string>& causes) {
  Verdict& verdict = result.verdict;
  verdict.path = enumerated(fields, "path", named(fields.text("path"), kPaths), NetworkPath::unknown);
  verdict.confidence = enumerated(fields, "confidence", confidence_from(fields.text("confidence")), Confidence::low);
  verdict.summary = fields.text("summary");
  verdict.blind_spots = fields.texts("blind_spots");
  const std::string predicted = fields.text("predicted", false);
  verdict.predicted = predicted.empty() ? verdict.path : enumerated(fields, "predicted", named(predicted, kPaths), verdict.path);
  const std::string basis = fields.text("decided_by", false);
  verdict.basis = basis.empty() ? VerdictBasis::configuration
                                : enumerated(fields, "decided_by", named(basis, kBases), VerdictBasis::configuration);
  verdict.observed = fields.flag("observed");
  verdict.contradicted = fields.flag("contradicted");
  verdict.contradiction = fields.text("contradiction", false);
  verdict.sources_read = fields.count("sources_read");
  verdict.sources_sought = fields.count("sources_sought");
  verdict.causes = cause_indexes(causes, result.findings, fields);
}

}  // namespace

Expected<AuditedMac> read_saved_report(std::string name, std::string_view json, const std::string& path) {
  const Json document = Json::parse(json, nullptr, false);
  if (document.is_discarded()) {
    return Error{ErrorKind::malformed, path, {}, "not a JSON document (nwaudit diff reads JSON reports of nwaudit audit)"};
  }
  std::string problem;
  const Fields top(document, "", problem);
  if (problem.empty() && top.text("schema", false) != kReportSchema) {
    return Error{ErrorKind::malformed, path, {},
                 "not an nwaudit report: its \"schema\" is not \"" + std::string(kReportSchema) + "\""};
  }
  AuditedMac mac;
  mac.name = std::move(name);
  AuditResult& result = mac.result;
  result.tool_version = top.child("tool").text("version");
  result.rules_version = top.text("rules_version", false);
  const Fields host = top.child("host");
  result.host = {host.text("product"), host.text("version"), host.text("build"), host.text("architecture")};
  result.source = top.text("source");
  mac.brief = top.flag("brief");
  top.objects("findings", [&](const Fields& finding) { result.findings.push_back(read_finding(finding, mac.report_rules)); });
  top.objects("coverage", [&](const Fields& entry) {
    result.coverage.push_back({entry.text("collector"), entry.text("path"), entry.text("status"), entry.text("reason")});
  });
  const Fields verdict = top.child("verdict");
  if (problem.empty()) read_verdict(verdict, result, verdict.texts("causes"));
  if (!problem.empty()) return Error{ErrorKind::malformed, path, problem, "not a report nwaudit can read back"};
  return mac;
}

}  // namespace nwaudit
