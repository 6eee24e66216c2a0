#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "fingerprint.h"
#include "formats.h"
#include "json_output.h"
#include "markdown_blocks.h"
#include "measurement_json.h"
#include "measurement_wording.h"
#include "report_model.h"
#include "report_text.h"
#include "text_blocks.h"

namespace nwaudit::report {
namespace {

constexpr const char* kSarifSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
constexpr const char* kInformationUri = "https://github.com/nwaudit/nwaudit";
constexpr const char* kMacRoot = "MACROOT";
constexpr const char* kFingerprintKey = "nwauditFinding/v1";

const char* level_of(Severity severity) {
  switch (severity) {
    case Severity::critical:
    case Severity::high: return "error";
    case Severity::medium:
    case Severity::low: return "warning";
    case Severity::info: return "note";
  }
  return "note";
}

// "kext-socket-filter" -> "KextSocketFilter": SARIF's name is an identifier for people.
std::string pascal_case(std::string_view id) {
  std::string name;
  bool word_start = true;
  for (const char c : id) {
    const bool letter_or_digit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!letter_or_digit) {
      word_start = true;
      continue;
    }
    name += word_start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    word_start = false;
  }
  return name.empty() ? "Unknown" : name;
}

// A Mac path as a URI reference relative to MACROOT: no leading slash, and every byte other
// than unreserved characters and "/" percent-encoded (spaces in bundle names, ":" that would
// read as a scheme, non-ASCII). A finding without a source is about the Mac as a whole, so it
// points at the root itself, ".".
std::string mac_uri(std::string_view path) {
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  if (path.empty()) return ".";
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri;
  for (const char c : path) {
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '.' || c == '_' || c == '~' || c == '/';
    if (unreserved) {
      uri += c;
      continue;
    }
    const auto byte = static_cast<unsigned char>(c);
    uri += '%';
    uri += kHex[byte >> 4];
    uri += kHex[byte & 0x0FU];
  }
  return uri;
}

// GitHub code scanning shows a result only with a file and a line; the line is 1 because a
// finding is about a whole file (a plist, a kext bundle), not a line in it.
Json mac_location(std::string_view path, bool with_region) {
  Json physical = {{"artifactLocation", {{"uri", mac_uri(path)}, {"uriBaseId", kMacRoot}}}};
  if (with_region) physical["region"] = {{"startLine", 1}};
  return {{"physicalLocation", physical}};
}

// Rule-level help cannot know the element, so "{@id}" placeholders read "<id>".
std::string generic(std::string_view text) {
  std::string out;
  for (std::size_t at = 0; at < text.size();) {
    if (text.compare(at, 2, "{@") == 0) {
      const std::size_t close = text.find('}', at + 2);
      if (close != std::string_view::npos) {
        out += "<" + std::string(text.substr(at + 2, close - at - 2)) + ">";
        at = close + 1;
        continue;
      }
    }
    out += text[at++];
  }
  return out;
}

std::vector<Fix> generic_fixes(const std::vector<Fix>& fixes) {
  std::vector<Fix> generic_ones = fixes;
  for (Fix& fix : generic_ones) {
    fix.title = generic(fix.title);
    fix.description = generic(fix.description);
    fix.command = generic(fix.command);
  }
  return generic_ones;
}

Json help_json(const Rule& rule) {
  const std::vector<Fix> fixes = generic_fixes(rule.fixes);
  TextOutput text(false);
  if (!rule.explanation.empty()) {
    text.paragraph(0, rule.explanation);
    if (!fixes.empty() || !rule.references.empty()) text.blank();
  }
  write_fixes(text, 0, fixes);
  write_references(text, 0, rule.references);
  std::string markdown = markdown_fixes(fixes, 3) + markdown_references(rule.references);
  std::string plain = text.text();
  if (plain.empty()) plain = "nwaudit knows no fix for this rule.";
  if (markdown.empty()) markdown = plain;
  return {{"text", plain}, {"markdown", markdown}};
}

Json rule_json(const Rule& rule) {
  const std::string title = rule.title.empty() ? rule.id : rule.title;
  Json descriptor = {
      {"id", rule.id},
      {"name", pascal_case(rule.id)},
      {"shortDescription", {{"text", title}}},
      {"fullDescription", {{"text", rule.explanation.empty() ? title : rule.explanation}}},
      {"defaultConfiguration", {{"level", level_of(rule.severity)}}},
      {"help", help_json(rule)},
  };
  for (const Reference& reference : rule.references) {
    if (!is_web_url(reference.url)) continue;
    descriptor["helpUri"] = reference.url;
    break;
  }
  descriptor["properties"] = {{"cause", to_string(rule.cause)},
                              {"effect", to_string(rule.effect)},
                              {"tags", {to_string(rule.cause), to_string(rule.effect)}}};
  return descriptor;
}

Json result_json(const Finding& finding, std::size_t rule_index) {
  const Rule& rule = rule_of(finding);
  std::string message = finding.message.empty() ? rule.title : finding.message;
  if (message.empty()) message = rule.id;
  Json properties = {{"confidence", to_string(finding.confidence)}, {"subject", finding.subject}};
  // A prediction the kernel contradicts is not a cause: a note that says why.
  const bool contradicted = !finding.contradicted_by.empty();
  if (contradicted) {
    message += " Contradicted: " + finding.contradiction;
    properties["contradictedBy"] = finding.contradicted_by;
  }
  return {{"ruleId", rule.id},
          {"ruleIndex", rule_index},
          {"level", contradicted ? "note" : level_of(rule.severity)},
          {"message", {{"text", message}}},
          {"locations", Json::array({mac_location(finding.source, true)})},
          {"partialFingerprints", {{kFingerprintKey, finding_fingerprint(rule.id, finding.subject)}}},
          {"properties", properties}};
}

// A measurement that contradicts the prediction is reported as a note-level result, which
// every SARIF viewer lists (most never show invocation notifications). Its rule is nwaudit's
// own, since no rule file can select a measurement.
const Rule& contradiction_rule() {
  static const Rule rule = [] {
    Rule made;
    made.id = "observed-path-contradicts-prediction";
    made.title = "The measured network path is not the predicted one";
    made.explanation =
        "nwaudit predicted the path from the Mac's configuration, then measured it, and the two differ. The "
        "verdict follows the measurement; the causes behind the prediction are less likely to decide the path, and "
        "something nwaudit does not know about, or could not read, may.";
    made.cause = Cause::other;
    made.effect = Effect::informational;
    made.severity = Severity::info;
    made.confidence = Confidence::high;
    return made;
  }();
  return rule;
}

Finding contradiction_finding(const Verdict& verdict, const Measurement& measurement) {
  Finding finding;
  finding.rule = &contradiction_rule();
  finding.confidence = verdict.confidence;
  finding.subject = measurement.observed.subject;
  finding.message = measurement_contradiction_sentence(verdict) + " Measured by " + measurement_method(measurement.observed) + ".";
  for (const std::string& sentence : measurement.observed.evidence) finding.message += " " + sentence;
  return finding;
}

Json invocation_json(const AuditResult& result) {
  Json unread = Json::array();
  for (const CoverageEntry* entry : coverage_problems(result)) {
    unread.push_back({{"level", "warning"},
                      {"message", {{"text", coverage_problem_line(*entry)}}},
                      {"locations", Json::array({mac_location(entry->path, false)})}});
  }
  if (result.measurement) {
    for (const std::string& problem : result.measurement->problems) {
      unread.push_back({{"level", "warning"}, {"message", {{"text", "measurement: " + problem}}}});
    }
  }
  Json rule_problems = Json::array();
  for (const Error& problem : result.rule_problems) {
    rule_problems.push_back({{"level", "error"}, {"message", {{"text", problem.describe()}}}});
  }
  return {{"executionSuccessful", true},
          {"toolExecutionNotifications", unread},
          {"toolConfigurationNotifications", rule_problems}};
}

}  // namespace

std::string render_sarif(const AuditResult& result) {
  std::vector<const Finding*> reported;
  for (const Finding& finding : result.findings) reported.push_back(&finding);
  std::optional<Finding> contradiction;
  if (measurement_contradicts(result.verdict) && result.measurement) {
    contradiction = contradiction_finding(result.verdict, *result.measurement);
    reported.push_back(&*contradiction);
  }
  std::vector<std::string> rule_ids;
  Json rules = Json::array();
  Json results = Json::array();
  for (const Finding* finding : reported) {
    const Rule& rule = rule_of(*finding);
    auto known = std::find(rule_ids.begin(), rule_ids.end(), rule.id);
    if (known == rule_ids.end()) {
      rules.push_back(rule_json(rule));
      known = rule_ids.insert(rule_ids.end(), rule.id);
    }
    results.push_back(result_json(*finding, static_cast<std::size_t>(known - rule_ids.begin())));
  }
  Json driver = {{"name", "nwaudit"}};
  if (!result.tool_version.empty()) driver["version"] = result.tool_version;
  driver["informationUri"] = kInformationUri;
  driver["rules"] = rules;

  Json properties = {{"source", result.source}, {"host", host_json(result.host)}, {"verdict", verdict_json(result)}};
  if (result.measurement) add_measurement_json(properties, *result.measurement, "measurement_problems");
  if (!result.redacted.empty()) properties["redacted"] = redacted_json(result);
  const Json run = {
      {"tool", {{"driver", driver}}},
      {"originalUriBaseIds",
       {{kMacRoot, {{"uri", "file:///"}, {"description", {{"text", "The root directory of the audited Mac"}}}}}}},
      {"invocations", Json::array({invocation_json(result)})},
      {"results", results},
      {"properties", properties},
  };
  const Json log = {{"$schema", kSarifSchema}, {"version", "2.1.0"}, {"runs", Json::array({run})}};
  return json_text(log);
}

}  // namespace nwaudit::report
