// The JSON report is written as it goes, without a document in memory. These tests hold it to
// the text nlohmann::json writes for the same document, built here the way the report used to
// build it, for strings that need every kind of escaping in every kind of field.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "fixture_audits.h"
#include "report/formats.h"
#include "report/json_output.h"
#include "report/json_writer.h"
#include "report/measurement_json.h"
#include "report/report_model.h"

using namespace nwaudit;
using report::Json;
using namespace std::string_literals;

namespace {

// The JSON report as a document, dumped by nlohmann::json: what render_json must write.
std::string reference_json(const AuditResult& result, bool brief) {
  Json findings = Json::array();
  for (const Finding& finding : result.findings) {
    const Rule& rule = report::rule_of(finding);
    Json evidence = Json::object();
    for (const auto& [name, value] : finding.evidence) evidence[name] = value;
    Json fixes = Json::array();
    for (const Fix& fix : finding.fixes) {
      fixes.push_back({{"audience", fix.audience},       {"title", fix.title},
                       {"description", fix.description}, {"command", fix.command},
                       {"needs_admin", fix.needs_admin}, {"needs_reboot", fix.needs_reboot},
                       {"needs_mdm", fix.needs_mdm},     {"side_effects", fix.side_effects}});
    }
    Json references = Json::array();
    for (const Reference& reference : rule.references) {
      references.push_back({{"title", reference.title}, {"url", reference.url}});
    }
    findings.push_back({{"rule", rule.id},
                        {"title", rule.title},
                        {"cause", to_string(rule.cause)},
                        {"effect", to_string(rule.effect)},
                        {"severity", to_string(rule.severity)},
                        {"confidence", to_string(finding.confidence)},
                        {"subject", finding.subject},
                        {"message", finding.message},
                        {"evidence", evidence},
                        {"evidence_element", finding.evidence_element},
                        {"fixes", fixes},
                        {"references", references},
                        {"source", finding.source},
                        {"contradicted_by", finding.contradicted_by.empty() ? Json() : Json(finding.contradicted_by)},
                        {"contradiction", finding.contradiction}});
  }
  Json coverage = Json::array();
  for (const CoverageEntry& entry : result.coverage) {
    coverage.push_back(
        {{"collector", entry.collector}, {"path", entry.path}, {"status", entry.status}, {"reason", entry.reason}});
  }
  Json rule_problems = Json::array();
  for (const Error& problem : result.rule_problems) {
    rule_problems.push_back({{"path", problem.path}, {"location", problem.where()}, {"reason", problem.reason}});
  }
  Json document = {{"schema", "nwaudit-report/1"},
                   {"tool", {{"name", "nwaudit"}, {"version", result.tool_version}}},
                   {"host", report::host_json(result.host)},
                   {"source", result.source}};
  if (brief) document["brief"] = true;
  if (!result.redacted.empty()) document["redacted"] = report::redacted_json(result);
  if (!result.rules_version.empty()) document["rules_version"] = result.rules_version;
  document["verdict"] = report::verdict_json(result);
  if (result.measurement) report::add_measurement_json(document, *result.measurement, "measurement_problems");
  document["findings"] = findings;
  document["coverage"] = coverage;
  document["rule_problems"] = rule_problems;
  return document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// Each needs something other than copying: escapes, control characters (NUL among them) that
// become \u00XX, DEL, UTF-8 of two, three and four bytes, and bytes that are not UTF-8
// (a stray continuation, a lead byte cut short, an overlong form, a surrogate, a cut-off end).
const std::vector<std::string>& awkward_strings() {
  static const std::vector<std::string> strings = {
      "",
      "plain / printable ASCII ~",
      "a \"quoted\" word and a \\ backslash",
      "controls: \x00 \x01 \x07 \b \t \n \f \r \x1b \x1f end"s,
      "DEL \x7f",
      "caf\xC3\xA9, \xE6\x97\xA5\xE6\x9C\xAC and \xF0\x9F\x98\x80",
      "stray \x80 byte",
      "cut \xC3 short",
      "overlong \xC0\xAF slash",
      "surrogate \xED\xA0\x80 half",
      "\xFF\xFE",
      "ends mid-character \xE2\x82",
  };
  return strings;
}

// A result with `text` in every string the report shows, and every optional part present.
AuditResult result_holding(const std::string& text, const Rule& rule) {
  AuditResult result;
  result.tool_version = text;
  result.rules_version = text;
  result.source = text;
  result.host = {text, text, text, text};
  result.verdict.summary = text;
  result.verdict.blind_spots = {text, "plain"};
  result.verdict.contradiction = text;
  result.verdict.contradicted = true;
  result.verdict.sources_read = 3;
  result.verdict.sources_sought = 12345678901ULL;
  result.verdict.causes = {0};
  Fix fix;
  fix.audience = text;
  fix.title = text;
  fix.description = text;
  fix.command = text;
  fix.needs_admin = true;
  fix.needs_mdm = true;
  fix.side_effects = text;
  Finding finding;
  finding.rule = &rule;
  finding.subject = text;
  finding.message = text;
  finding.fixes = {fix, Fix()};
  finding.evidence = {{"id", text}, {text, "value"}, {"again", "first"}, {"again", text}, {"last", ""}};
  finding.evidence_element = text;
  finding.source = text;
  finding.contradicted_by = text.empty() ? "kernel" : text;
  finding.contradiction = text;
  result.findings = {finding, Finding()};
  result.coverage = {{text, text, text, text}, {"collector", "/path", "read", ""}};
  result.rule_problems = {{ErrorKind::malformed, text, text, text, 7}, {ErrorKind::io, "", "", "", 0}};
  Measurement measurement;
  measurement.observed.method = text;
  measurement.observed.subject = text;
  measurement.observed.evidence = {text};
  measurement.census = DescriptorCensus{};
  measurement.outcome = ConnectionOutcome{4, 3, 1, 0, {text}};
  measurement.limits = DescriptorLimits{256, std::nullopt};
  measurement.problems = {text};
  result.measurement = measurement;
  result.redacted = {{text, 2}};
  return result;
}

Rule rule_holding(const std::string& text) {
  Rule rule;
  rule.id = text;
  rule.title = text;
  rule.references = {{text, text}, {"title", ""}};
  return rule;
}

}  // namespace

TEST_CASE("JSON report: awkward strings in every field, written as nlohmann::json writes the same document") {
  for (const std::string& text : awkward_strings()) {
    CAPTURE(text);
    const Rule rule = rule_holding(text);
    const AuditResult result = result_holding(text, rule);
    for (const bool brief : {false, true}) {
      const std::string written = report::render_json(result, brief);
      CHECK(written == reference_json(result, brief));
      CHECK(nlohmann::json::accept(written));
    }
  }
  const Rule rule = rule_holding("rule");
  const std::string written = report::render_json(result_holding(awkward_strings()[3] + awkward_strings()[6], rule), false);
  CHECK(written.find(R"("controls: \u0000 \u0001 \u0007 \b \t \n \f \r \u001b \u001f endstray )"
                     "\xEF\xBF\xBD"
                     R"( byte")") != std::string::npos);
}

TEST_CASE("JSON report: an empty result and every fixture Mac, as nlohmann::json writes the same document") {
  const AuditResult empty;
  CHECK(report::render_json(empty, false) == reference_json(empty, false));
  test::for_each_fixture_audit([](const AuditResult& result) {
    CHECK(report::render_json(result, false) == reference_json(result, false));
  });
}

TEST_CASE("JSON report: an attribute named twice keeps its first place and its last value") {
  const Rule rule = rule_holding("rule");
  AuditResult result = result_holding("x", rule);
  result.findings[0].evidence = {{"a", "1"}, {"b", "2"}, {"a", "3"}};
  const std::string written = report::render_json(result, false);
  CHECK(written == reference_json(result, false));
  CHECK(written.find("\"a\": \"3\",\n        \"b\": \"2\"\n") != std::string::npos);
}

TEST_CASE("JSON writer: nesting, empty containers and values at the top, laid out as nlohmann::json lays them out") {
  std::string text;
  report::JsonWriter json(text);
  json.begin_array();
  json.begin_object();
  json.end_object();
  json.begin_array();
  json.end_array();
  json.value(std::size_t{0});
  json.null();
  json.value(false);
  json.begin_object();
  json.key("nested");
  json.splice(Json{{"list", {1, 2}}, {"none", Json::object()}});
  json.field("after", "splice");
  json.end_object();
  json.end_array();
  const Json expected = Json::array({Json::object(), Json::array(), 0, nullptr, false,
                                     Json{{"nested", {{"list", {1, 2}}, {"none", Json::object()}}}, {"after", "splice"}}});
  CHECK(text == expected.dump(2));

  std::string scalar;
  report::JsonWriter top(scalar);
  top.value("alone");
  CHECK(scalar == "\"alone\"");
}

TEST_CASE("JSON writer: every byte value at every place of strings up to 17 bytes, as nlohmann::json writes it") {
  for (std::size_t length = 1; length <= 17; ++length) {
    for (std::size_t place = 0; place < length; ++place) {
      for (unsigned byte = 0; byte < 256; ++byte) {
        std::string text(length, 'a');
        text[place] = static_cast<char>(byte);
        std::string written;
        report::JsonWriter json(written);
        json.value(text);
        REQUIRE(written == Json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      }
    }
  }
}
