// --brief: what fits a ticket, on every fixture Mac and in every format.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "facts_support.h"
#include "fixture_audits.h"
#include "nwaudit/audit/audit.h"
#include "report_support.h"

using namespace nwaudit;

namespace {

std::string render_brief(const AuditResult& result, ReportFormat format) {
  ReportOptions options;
  options.brief = true;
  return render_report(result, format, options);
}

std::string id_of(const AuditResult& result, std::size_t cause) { return result.findings[result.verdict.causes[cause]].rule->id; }

}  // namespace

TEST_CASE("brief: text fits in 25 lines, verdict first, and names the first causes with a fix") {
  test::for_each_fixture_audit([](const AuditResult& result) {
    const std::string text = render_brief(result, ReportFormat::text);
    const std::vector<std::string> lines = test::lines_of(text);
    CHECK(lines.size() <= 26);  // 25 lines and the empty string after the last newline
    CHECK(lines.front().starts_with("Verdict: "));
    CHECK(test::contains(text, "Read: "));
    if (!result.verdict.causes.empty()) CHECK(test::contains(text, "1. " + id_of(result, 0)));
    const std::string full = test::render(result, ReportFormat::text);
    CHECK(text.size() < full.size());
  });
}

TEST_CASE("brief: Markdown has no HTML, tables or fences, so it pastes into GitHub, Jira and Apple's forums") {
  test::for_each_fixture_audit([](const AuditResult& result) {
    const std::string markdown = render_brief(result, ReportFormat::markdown);
    CHECK_FALSE(test::contains(markdown, "<details"));
    CHECK_FALSE(test::contains(markdown, "<summary"));
    CHECK_FALSE(test::contains(markdown, "|---"));
    CHECK_FALSE(test::contains(markdown, "```"));
    CHECK(markdown.starts_with("**Verdict: "));
    for (const std::string& line : test::lines_of(markdown)) {
      CHECK_FALSE(line.ends_with("  "));  // no hard breaks that editors strip on paste
    }
    if (!result.verdict.causes.empty()) CHECK(test::contains(markdown, "1. `" + id_of(result, 0) + "`"));
  });
}

TEST_CASE("brief: JSON keeps the report's schema, marked brief, with the causes and each one's first fix") {
  test::for_each_fixture_audit([](const AuditResult& result) {
    const auto json = nlohmann::json::parse(render_brief(result, ReportFormat::json));
    CHECK(json["brief"] == true);
    CHECK(json["schema"] == "nwaudit-report/1");
    CHECK(json["verdict"]["path"] == to_string(result.verdict.path));
    REQUIRE(json["findings"].size() == result.verdict.causes.size());
    for (std::size_t i = 0; i < result.verdict.causes.size(); ++i) {
      CHECK(json["findings"][i]["rule"] == id_of(result, i));
      CHECK(json["findings"][i]["fixes"].size() <= 1);
      CHECK(json["verdict"]["causes"][i] == id_of(result, i));
    }
    for (const auto& entry : json["coverage"]) CHECK(entry["status"] != "read");
  });
}

TEST_CASE("brief: SARIF carries only the causes") {
  test::for_each_fixture_audit([](const AuditResult& result) {
    const auto sarif = nlohmann::json::parse(render_brief(result, ReportFormat::sarif));
    CHECK(sarif["runs"][0]["results"].size() == result.verdict.causes.size());
  });
}

TEST_CASE("brief: a Mac with many causes names the first ones that fit, five at most, and counts the rest") {
  const Knowledge knowledge = load_knowledge({std::string(NWAUDIT_FIXTURES) + "/../rules"});
  test::FixtureFacts facts("monterey-kexts");
  AuditResult result = run_audit(facts.facts().document(), knowledge.rules);
  REQUIRE(result.verdict.causes.size() > 5);
  const std::string text = render_brief(result, ReportFormat::text);
  std::size_t shown = 0;
  while (shown < 6 && test::contains(text, std::to_string(shown + 1) + ". " + id_of(result, shown))) ++shown;
  CHECK(shown >= 2);
  CHECK(shown <= 5);
  CHECK(test::contains(text, std::to_string(result.verdict.causes.size() - shown) + " more causes"));
  CHECK(test::lines_of(text).size() <= 26);
}
