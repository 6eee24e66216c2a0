// The JSON nwaudit writes is what nlohmann::json writes for the same document, byte for byte:
// its own writer only skips the work of building each part's text first.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "fixture_audits.h"
#include "nwaudit/report/report.h"

using namespace nwaudit;

namespace {

std::string written_by_nlohmann(const std::string& text) {
  return nlohmann::ordered_json::parse(text).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace

TEST_CASE("JSON writer: every fixture Mac's JSON and SARIF reports, full and brief, as nlohmann::json writes them") {
  test::for_each_fixture_audit([](const AuditResult& result) {
    for (const bool brief : {false, true}) {
      ReportOptions options;
      options.brief = brief;
      for (const ReportFormat format : {ReportFormat::json, ReportFormat::sarif}) {
        const std::string text = render_report(result, format, options);
        CHECK(text == written_by_nlohmann(text));
      }
    }
  });
}

TEST_CASE("JSON writer: escapes, bytes that are not UTF-8, numbers and empty containers as nlohmann::json does") {
  AuditResult result;
  result.tool_version = "0.0.0";
  result.source = std::string("a \"quoted\" tab\there, a \\ and \x01, caf\xC3\xA9 and a stray \xFF byte");
  const std::string text = render_report(result, ReportFormat::json, ReportOptions());
  CHECK(text == written_by_nlohmann(text));
  CHECK(text.find("\\\"quoted\\\" tab\\there") != std::string::npos);
  CHECK(text.find("\xEF\xBF\xBD") != std::string::npos);  // U+FFFD for the stray byte
}
