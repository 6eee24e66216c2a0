// nwaudit diff's logic: two audited Macs side by side, what differs, ranked, in words.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "facts_support.h"
#include "nwaudit/compare/comparison.h"
#include "nwaudit/facts/facts.h"
#include "nwaudit/report/comparison_report.h"
#include "report_support.h"

using namespace nwaudit;

namespace {

const Knowledge& shipped() {
  static const Knowledge knowledge = load_knowledge({std::string(NWAUDIT_FIXTURES) + "/../rules"});
  return knowledge;
}

AuditedMac audited(const char* mac) {
  test::FixtureFacts facts(mac);
  pugi::xml_document copy;
  copy.reset(facts.facts().document());
  return audit_facts(mac, std::move(copy), shipped().rules);
}

AuditedMac from_facts_text(const char* name, const std::string& xml, const std::vector<Rule>& rules) {
  auto document = load_facts_document(xml, name);
  REQUIRE(document);
  return audit_facts(name, std::move(*document), rules);
}

bool has_fact_difference(const Comparison& comparison, const std::string& group, const std::string& element) {
  for (const FactDifference& difference : comparison.facts) {
    if (difference.group == group && difference.element == element) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("diff: every fixture Mac compared with itself is the same, with nothing listed") {
  REQUIRE(shipped().problems.empty());
  std::size_t macs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::fixture_path("macs"))) {
    if (!entry.is_directory()) continue;
    ++macs;
    const std::string name = entry.path().filename().string();
    CAPTURE(name);
    const AuditedMac a = audited(name.c_str());
    const AuditedMac b = audited(name.c_str());
    const Comparison comparison = compare(a, b);
    CHECK(comparison.equal());
    CHECK(comparison.causes.empty());
    CHECK(comparison.confidence.empty());
    CHECK(comparison.facts.empty());
    CHECK(comparison.not_compared.empty());
    CHECK(test::contains(comparison_answer(comparison).front(), "A and B reach the same verdict"));
  }
  CHECK(macs >= 17);
}

TEST_CASE("diff: the forum thread's two Macs, answered in the first lines") {
  // A: macOS 14 in user space, old kexts installed and not loaded. B: macOS 13 with AnyConnect
  // switched off and its socket-filter kext still loaded.
  const AuditedMac a = audited("sonoma-leftovers");
  const AuditedMac b = audited("ventura-vpn-off-kext-loaded");
  const Comparison comparison = compare(a, b);
  CHECK_FALSE(comparison.equal());
  REQUIRE_FALSE(comparison.causes.empty());
  const CauseDifference& first = comparison.causes.front();
  CHECK(first.side == Side::b);
  CHECK(first.rules == std::vector<std::string>{"NWA-KEXT-SFLT-LOADED"});
  CHECK(statement(first) ==
        "The kext com.cisco.kext.acsock (AnyConnect (before macOS 11) by Cisco) is loaded only on B: A does not have it.");
  for (const CauseDifference& cause : comparison.causes) CHECK(cause.side == Side::b);

  const std::vector<std::string> answer = comparison_answer(comparison);
  REQUIRE(answer.size() == 2);
  CHECK(answer[0] == "B uses one socket per connection because the kext com.cisco.kext.acsock (AnyConnect (before "
                     "macOS 11) by Cisco) is loaded; A does not have it (2 more causes on B only, below).");
  CHECK(answer[1] == "A uses user-space networking: nwaudit found nothing on it that turns it off.");

  // What is not a cause comes later: macOS 13 against 14, and A's kexts that are not loaded.
  bool os_differs = false;
  for (const FactDifference& difference : comparison.facts) {
    if (difference.group != "os" || difference.element != "os") continue;
    for (const AttributeChange& change : difference.changes) {
      if (change.name == "version") os_differs = change.a == "14.6.1" && change.b == "13.6.3";
    }
  }
  CHECK(os_differs);
  CHECK(has_fact_difference(comparison, "findings",
                            "NWA-KEXT-SFLT-NOT-LOADED (com.objective-see.lulu): An installed but unloaded third-party "
                            "kext can register a socket filter"));
  CHECK(has_fact_difference(comparison, "kexts", "kext com.cisco.kext.acsock"));

  const std::string text = render_comparison(comparison, ReportFormat::text, {}, "test");
  CHECK(text.starts_with("B uses one socket per connection because the kext com.cisco.kext.acsock"));
  test::check_order(text, {"sockets (confirmed)", "Causes on one side only", "1. The kext com.cisco.kext.acsock",
                           "Other differences", "os", "version 14.6.1 on A, 13.6.3 on B"});
  const std::string markdown = render_comparison(comparison, ReportFormat::markdown, {}, "test");
  CHECK(markdown.starts_with("**B uses one socket per connection because the kext com.cisco.kext.acsock"));
  const auto json = nlohmann::json::parse(render_comparison(comparison, ReportFormat::json, {}, "test"));
  CHECK(json["schema"] == "nwaudit-diff/1");
  CHECK(json["equal"] == false);
  CHECK(json["causes"][0]["side"] == "B");
  CHECK(json["a"]["verdict"]["path"] == "user-space");
  CHECK(json["b"]["verdict"]["path"] == "sockets");
}

TEST_CASE("diff: the Application Firewall, on only on one side, in words") {
  const AuditedMac a = audited("sonoma");
  const AuditedMac b = audited("sequoia-live");
  const Comparison comparison = compare(a, b);
  bool said = false;
  for (const CauseDifference& cause : comparison.causes) {
    said = said || statement(cause) == "The Application Firewall is on only on A: on B it is off.";
  }
  CHECK(said);
  CHECK(test::contains(comparison_answer(comparison).front(), "A uses one socket per connection because"));
}

TEST_CASE("diff: a Mac against its own facts document and its own saved JSON report") {
  const AuditedMac mac = audited("ventura-vpn-off-kext-loaded");
  test::FixtureFacts facts("ventura-vpn-off-kext-loaded");
  const AuditedMac from_document = from_facts_text("saved.xml", facts.facts().to_xml(), shipped().rules);
  const Comparison with_document = compare(mac, from_document);
  CHECK(with_document.equal());
  CHECK(with_document.facts.empty());
  CHECK(with_document.confidence.empty());

  const std::string json = render_report(mac.result, ReportFormat::json);
  auto report = read_saved_report("saved.json", json, "saved.json");
  REQUIRE(report);
  CHECK_FALSE(report->facts);
  CHECK(report->result.verdict.causes.size() == mac.result.verdict.causes.size());
  const Comparison with_report = compare(mac, *report);
  CHECK(with_report.equal());
  CHECK(with_report.causes.empty());
  CHECK(with_report.facts.empty());
  REQUIRE(with_report.not_compared.size() == 1);
  CHECK(test::contains(with_report.not_compared[0], "B is a saved report"));

  // A saved report of another Mac: its causes still differ, said from the findings' evidence.
  auto other = read_saved_report("leftovers.json", render_report(audited("sonoma-leftovers").result, ReportFormat::json),
                                 "leftovers.json");
  REQUIRE(other);
  const Comparison against_report = compare(*other, mac);
  CHECK_FALSE(against_report.equal());
  REQUIRE_FALSE(against_report.causes.empty());
  CHECK(test::contains(statement(against_report.causes.front()), "is loaded only on B: A is a saved report"));
}

TEST_CASE("diff: a brief saved report says what it cannot compare") {
  const AuditedMac mac = audited("sonoma");
  auto brief = read_saved_report("brief.json", render_report(mac.result, ReportFormat::json, ReportOptions{false, true}),
                                 "brief.json");
  REQUIRE(brief);
  CHECK(brief->brief);
  const Comparison comparison = compare(*brief, mac);
  CHECK(comparison.same_causes);
  CHECK(comparison.not_compared.size() == 2);
}

TEST_CASE("diff: a file that is not a report is an error naming the file and the key") {
  CHECK(saved_kind("  <?xml version=\"1.0\"?><facts/>") == SavedKind::facts_document);
  CHECK(saved_kind("\xEF\xBB\xBF{\"schema\": 1}") == SavedKind::json_report);
  CHECK(saved_kind("\x1f\x8b\x08") == SavedKind::neither);
  CHECK(saved_kind("") == SavedKind::neither);

  auto not_json = read_saved_report("x", "{not json", "/tmp/x.json");
  REQUIRE_FALSE(not_json);
  CHECK(test::contains(not_json.error().describe(), "/tmp/x.json"));
  auto other_schema = read_saved_report("x", R"({"schema": "nwaudit-probe/1"})", "/tmp/x.json");
  REQUIRE_FALSE(other_schema);
  CHECK(test::contains(other_schema.error().reason, "nwaudit-report/1"));

  const AuditedMac mac = audited("sonoma");
  auto json = nlohmann::json::parse(render_report(mac.result, ReportFormat::json));
  json["findings"][1]["rule"] = 7;
  auto wrong_type = read_saved_report("x", json.dump(), "/tmp/x.json");
  REQUIRE_FALSE(wrong_type);
  CHECK(test::contains(wrong_type.error().describe(), "findings[1].rule is not a string"));
  json = nlohmann::json::parse(render_report(mac.result, ReportFormat::json));
  json["verdict"]["causes"].push_back("NWA-NOT-A-FINDING");
  auto dangling = read_saved_report("x", json.dump(), "/tmp/x.json");
  REQUIRE_FALSE(dangling);
  CHECK(test::contains(dangling.error().describe(), "NWA-NOT-A-FINDING"));
}

TEST_CASE("diff: order, where a fact was read, times and pseudonyms are noise") {
  const std::vector<Rule> no_rules;
  const AuditedMac a = from_facts_text("a", R"(<facts schema="1" tool="nwaudit 1" source="the tree at /a">
    <os product="macOS" version="14.5" source="/System/Library/CoreServices/SystemVersion.plist"/>
    <kext id="k.one" loaded="true" source="/a/one"/><kext id="k.two" loaded="false"/>
    <service name="host-1" enabled="true"/>
    <log-history><filter-change number="1" time="2026-11-28 09:14:03"/></log-history>
    <coverage/></facts>)", no_rules);
  const AuditedMac b = from_facts_text("b", R"(<facts schema="1" tool="nwaudit 2" source="the tree at /b">
    <os product="macOS" version="14.5" source="/elsewhere"/>
    <kext id="k.two" loaded="false"/><kext id="k.one" loaded="true" source="/b/one"/>
    <service name="host-7" enabled="true"/>
    <log-history><filter-change number="1" time="2027-01-02 10:00:00"/></log-history>
    <coverage/></facts>)", no_rules);
  const Comparison same = compare(a, b);
  CHECK(same.equal());
  CHECK(same.facts.empty());

  const AuditedMac c = from_facts_text("c", R"(<facts schema="1" tool="nwaudit 1" source="c">
    <os product="macOS" version="14.6"/><kext id="k.one" loaded="false"/><coverage/></facts>)", no_rules);
  const Comparison changed = compare(a, c);
  CHECK(changed.equal());  // no rules, no causes: the same verdict
  CHECK(has_fact_difference(changed, "os", "os"));
  CHECK(has_fact_difference(changed, "kexts", "kext k.one"));
  CHECK(has_fact_difference(changed, "kexts", "kext k.two"));
}

TEST_CASE("diff: what one side could not read is ranked as lowering its confidence") {
  const AuditedMac a = audited("sonoma-leftovers");
  const AuditedMac b = audited("monterey-nocapture");
  const Comparison comparison = compare(a, b);
  bool unread = false;
  for (const ConfidenceDifference& difference : comparison.confidence) {
    unread = unread || (difference.side == Side::b && test::contains(difference.sentence, "/.nwaudit/kmutil-showloaded.txt"));
  }
  CHECK(unread);
}
