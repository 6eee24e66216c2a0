// The fleet formats: ndjson (one line of JSON per audit) and jamf (one <result> line), and
// the digests they carry: the rules' version and the Mac's pseudonym.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "facts_support.h"
#include "nwaudit/audit/audit.h"
#include "nwaudit/base/sha256.h"
#include "report_support.h"

using namespace nwaudit;
using json = nlohmann::json;

namespace {

const Knowledge& shipped() {
  static const Knowledge knowledge = load_knowledge({std::string(NWAUDIT_FIXTURES) + "/../rules"});
  return knowledge;
}

AuditResult audit_of(const char* mac) {
  test::FixtureFacts facts(mac);
  AuditResult result = run_audit(facts.facts().document(), shipped().rules);
  result.tool_version = "0.1.0";
  result.rules_version = shipped().version;
  return result;
}

ReportOptions fleet_options() {
  ReportOptions options;
  options.run = {"mac-0123456789ab", "pseudonym", "2025-03-01T09:30:00Z"};
  return options;
}

std::size_t newlines(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

}  // namespace

TEST_CASE("sha256: the FIPS 180-4 examples") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  Sha256 million;
  for (int i = 0; i < 1000; ++i) million.update(std::string(1000, 'a'));
  CHECK(hex_digits(million.finish()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  CHECK(sha256_hex("abc", 16) == "ba7816bf8f01cfea");
}

TEST_CASE("rules version: a digest of the files' names and contents, the same wherever they are") {
  const std::string& version = shipped().version;
  REQUIRE(version.size() == std::string("sha256:").size() + 16);
  CHECK(version.starts_with("sha256:"));
  test::TempDir copy;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(NWAUDIT_FIXTURES) + "/../rules")) {
    if (entry.path().extension() == ".xml") copy.write(entry.path().filename().string(), test::slurp(entry.path().string()));
  }
  CHECK(load_knowledge({copy.path()}).version == version);
  copy.write("rules.xml", "<rules/>\n");
  CHECK(load_knowledge({copy.path()}).version != version);
}

TEST_CASE("ndjson: one line of JSON per audit, with stable field names") {
  const AuditResult result = audit_of("sonoma-leftovers");
  const std::string line = render_report(result, ReportFormat::ndjson, fleet_options());
  CHECK(newlines(line) == 1);
  REQUIRE(line.ends_with("\n"));
  const json parsed = json::parse(line);
  CHECK(parsed["schema"] == "nwaudit-ndjson/1");
  CHECK(parsed["tool"] == json{{"name", "nwaudit"}, {"version", "0.1.0"}});
  CHECK(parsed["rules_version"] == shipped().version);
  CHECK(parsed["machine"] == "mac-0123456789ab");
  CHECK(parsed["machine_kind"] == "pseudonym");
  CHECK(parsed["audited_at"] == "2025-03-01T09:30:00Z");
  CHECK(parsed["host"]["version"] == "14.6.1");
  const json& verdict = parsed["verdict"];
  CHECK(verdict["path"] == "user-space");
  CHECK(verdict["confidence"] == "confirmed");
  CHECK(verdict["decided_by"] == "kernel");
  CHECK(verdict["contradicted"] == false);
  CHECK(verdict["causes"] == json::array());
  CHECK(verdict.contains("blind_spots"));
  CHECK(verdict["sources_read"].get<std::size_t>() <= verdict["sources_sought"].get<std::size_t>());
  CHECK_FALSE(verdict.contains("summary"));
  REQUIRE(parsed["findings"].size() == result.findings.size());
  bool vendor_shown = false;
  for (const json& finding : parsed["findings"]) {
    for (const char* key : {"rule", "effect", "severity", "confidence", "subject"}) CHECK(finding.contains(key));
    CHECK_FALSE(finding.contains("message"));
    if (finding["subject"] == "com.objective-see.lulu") {
      vendor_shown = finding["vendor"] == "Objective-See" && finding["product"] == "LuLu 0.9/1.x (kext)";
    }
    if (finding["subject"] == "org.example.nke.netshield") CHECK_FALSE(finding.contains("vendor"));
  }
  CHECK(vendor_shown);

  const json sockets = json::parse(render_report(audit_of("ventura-vpn-off-kext-loaded"), ReportFormat::ndjson, fleet_options()));
  CHECK(sockets["verdict"]["path"] == "sockets");
  CHECK(sockets["verdict"]["causes"].size() == 3);

  ReportOptions unknown;
  const json nameless = json::parse(render_report(result, ReportFormat::ndjson, unknown));
  CHECK(nameless["machine"].is_null());
  CHECK(nameless["machine_kind"] == "unknown");
}

TEST_CASE("jamf: exactly one <result> line, short and escaped") {
  const std::string sockets = render_report(audit_of("ventura-vpn-off-kext-loaded"), ReportFormat::jamf);
  CHECK(newlines(sockets) == 1);
  CHECK(sockets.starts_with("<result>sockets (confirmed): "));
  CHECK(sockets.ends_with("</result>\n"));
  CHECK(test::contains(sockets, "NWA-KEXT-SFLT-LOADED"));
  CHECK(render_report(audit_of("sonoma-leftovers"), ReportFormat::jamf) == "<result>user-space (confirmed)</result>\n");
  const std::string many = render_report(audit_of("monterey-kexts"), ReportFormat::jamf);
  CHECK(test::contains(many, " and 5 more"));
  CHECK(newlines(many) == 1);

  Rule odd;
  odd.id = "X<&>\nY";
  AuditResult result;
  Finding finding;
  finding.rule = &odd;
  result.findings.push_back(finding);
  result.verdict.causes = {0};
  result.verdict.blind_spots = {"/a", "/b"};
  CHECK(render_report(result, ReportFormat::jamf) == "<result>unknown (low): X&lt;&amp;&gt; Y; 2 sources not read</result>\n");
}

TEST_CASE("report: write sample reports of the fleet formats for schema validation") {
  const char* directory = std::getenv("NWAUDIT_REPORT_SAMPLES");
  if (directory == nullptr || *directory == '\0') return;
  std::ofstream file(std::filesystem::path(directory) / "fleet.ndjson", std::ios::binary);
  for (const char* mac : {"sonoma", "sonoma-leftovers", "ventura-vpn-off-kext-loaded", "broken"}) {
    file << render_report(audit_of(mac), ReportFormat::ndjson, fleet_options());
  }
  file << render_report(AuditResult{}, ReportFormat::ndjson, ReportOptions{});
  file.close();
  REQUIRE(file);
}
