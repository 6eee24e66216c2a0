#include "facts_support.h"
#include "nwaudit/audit/audit.h"
#include "nwaudit/rules/evaluate.h"

using namespace nwaudit;

namespace {

// Rules from text, loaded the way rule files are.
std::vector<Rule> rules_from(const std::string& body) {
  test::TempDir folder;
  folder.write("r.xml", "<rules>" + body + "</rules>");
  Knowledge knowledge = load_knowledge({folder.path()});
  REQUIRE(knowledge.problems.empty());
  return std::move(knowledge.rules);
}

std::string rule(const std::string& id, const std::string& effect, const std::string& confidence, const std::string& when,
                 const std::string& extra = "") {
  return "<rule id=\"" + id + "\" cause=\"other\" effect=\"" + effect + "\" severity=\"medium\" confidence=\"" +
         confidence + "\"><title>" + id + "</title>" + extra + "<when>" + when + "</when><message>{@id} {@name}</message></rule>";
}

pugi::xml_document facts_of(const std::string& xml) {
  pugi::xml_document document;
  REQUIRE(document.load_string(xml.c_str()));
  return document;
}

}  // namespace

TEST_CASE("audit: a finding per selected element, placeholders filled, sorted by effect then severity") {
  const auto rules = rules_from(rule("B-SOME", "some-connections", "medium", "/facts/kext") +
                                rule("A-ALL", "all-connections", "high", "/facts/kext[@id='x']"));
  auto facts = facts_of(R"(<facts><kext id="x" name="X" source="/L/x"/><kext id="y" source="/L/y"/><coverage/></facts>)");
  const auto [findings, skipped] = evaluate_rules(rules, facts);
  CHECK(skipped.empty());
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].rule->id == "A-ALL");
  CHECK(findings[0].message == "x X");
  CHECK(findings[1].subject == "x");
  CHECK(findings[2].subject == "y");
  CHECK(findings[2].message == "y ");  // a missing attribute fills as nothing
  CHECK(findings[2].source == "/L/y");
  CHECK(findings[0].evidence.front() == std::pair<std::string, std::string>("id", "x"));
}

TEST_CASE("audit: OS ranges, inclusive to the precision written") {
  const auto rules = rules_from(rule("OLD", "all-connections", "high", "/facts/os", "<os max=\"11\"/>") +
                                rule("NEW", "informational", "high", "/facts/os", "<os min=\"12.3\" max=\"14.4\"/>"));
  auto ids = [&](const std::string& version) {
    auto facts = facts_of("<facts><os version=\"" + version + "\" major=\"" + version.substr(0, version.find('.')) +
                          "\" minor=\"" + version.substr(version.find('.') + 1, 1) + "\" patch=\"0\"/></facts>");
    std::string found;
    for (const Finding& finding : evaluate_rules(rules, facts).findings) found += finding.rule->id + " ";
    return found;
  };
  CHECK(ids("11.7") == "OLD ");
  CHECK(ids("12.2") == "");
  CHECK(ids("12.3") == "NEW ");
  CHECK(ids("14.4") == "NEW ");
  CHECK(ids("14.5") == "");
  auto unknown = facts_of("<facts/>");
  CHECK(evaluate_rules(rules, unknown).findings.size() == 0);  // no <os> element: the rules run, but select nothing
}

TEST_CASE("audit: verdicts from the kernel's word, findings and blind spots") {
  const auto rules = rules_from(rule("ALL", "all-connections", "high", "/facts/kext[@socket-filter='true']") +
                                rule("SOME", "some-connections", "medium", "/facts/interface[@family='utun']"));
  auto verdict_of = [&](const std::string& body) {
    auto facts = facts_of("<facts>" + body + "</facts>");
    return run_audit(facts, rules).verdict;
  };
  const std::string os = R"(<os product="macOS" version="14.4" major="14" minor="4" patch="0"/>)";
  const std::string kernel_on = R"(<kernel netagent="true" filter-state=""/>)";

  Verdict on = verdict_of(os + kernel_on + "<coverage/>");
  CHECK(on.path == NetworkPath::user_space);
  CHECK(on.confidence == Confidence::confirmed);

  Verdict guessed = verdict_of(os + "<coverage/>");
  CHECK(guessed.path == NetworkPath::user_space);
  CHECK(guessed.confidence == Confidence::medium);

  Verdict sockets = verdict_of(os + R"(<kext id="k" socket-filter="true"/><interface name="utun4" family="utun"/><coverage/>)");
  CHECK(sockets.path == NetworkPath::sockets);
  CHECK(sockets.confidence == Confidence::high);
  CHECK(sockets.causes.size() == 2);

  Verdict mixed = verdict_of(os + kernel_on + R"(<interface name="utun4" family="utun"/><coverage/>)");
  CHECK(mixed.path == NetworkPath::mixed);
  CHECK(mixed.summary.find("The kernel reports user-space networking on") == 0);

  Verdict unknown = verdict_of("<coverage/>");
  CHECK(unknown.path == NetworkPath::unknown);

  Verdict blind = verdict_of(os + R"(<coverage><source collector="kexts" path="/.nwaudit/kmutil-showloaded.txt" status="missing"/>
      <source collector="pf" path="/etc/pf.conf" status="broken" reason="line 3: bad"/>
      <source collector="kexts" path="/Library/StagedExtensions" status="missing"/>
      <source collector="kernel" path="/.nwaudit/net.api_stats" status="missing"/>
      <source collector="kexts" path="/.nwaudit/loaded-kexts.plist" status="missing"/></coverage>)");
  CHECK(blind.path == NetworkPath::user_space);
  CHECK(blind.confidence == Confidence::low);
  REQUIRE(blind.blind_spots.size() == 2);  // snapshots made before net.api_stats was captured are not blind
  CHECK(blind.blind_spots[1] == "/etc/pf.conf (broken: line 3: bad)");
}

TEST_CASE("audit: the shipped rules on the fixture Macs") {
  const Knowledge knowledge = load_knowledge({std::string(NWAUDIT_FIXTURES) + "/../rules"});
  REQUIRE(knowledge.problems.empty());
  auto verdict_of = [&](const char* mac) {
    test::FixtureFacts facts(mac);
    return run_audit(facts.facts().document(), knowledge.rules).verdict;
  };
  const Verdict sonoma = verdict_of("sonoma");
  CHECK(sonoma.path == NetworkPath::sockets);
  CHECK(sonoma.confidence == Confidence::confirmed);
  CHECK(verdict_of("monterey-kexts").path == NetworkPath::sockets);
  const Verdict ventura = verdict_of("ventura-vpn");
  CHECK(ventura.path == NetworkPath::mixed);
  CHECK(ventura.blind_spots.empty());
  CHECK_FALSE(verdict_of("broken").blind_spots.empty());
}

namespace {

Measurement observed(NetworkPath path) {
  Measurement measurement;
  measurement.observed.path = path;
  measurement.observed.method = "probe";
  measurement.observed.subject = "a loopback listener of the probe's own";
  measurement.observed.evidence = {"8 of 8 connections became ready."};
  return measurement;
}

}  // namespace

TEST_CASE("measured verdict: an observation that agrees confirms the prediction") {
  const auto rules = rules_from(rule("FW", "all-connections", "high", "/facts/kext"));
  auto facts = facts_of(R"(<facts><os version="14.4"/><kext id="x" source="/L/x"/><coverage/></facts>)");
  AuditResult result = run_audit(facts, rules);
  REQUIRE(result.verdict.path == NetworkPath::sockets);
  apply_measurement(result, observed(NetworkPath::sockets));
  CHECK(result.verdict.path == NetworkPath::sockets);
  CHECK(result.verdict.predicted == NetworkPath::sockets);
  CHECK(result.verdict.observed);
  CHECK(!result.verdict.contradicted);
  CHECK(result.verdict.confidence == Confidence::confirmed);
  CHECK(result.findings[0].confidence == Confidence::high);
  CHECK(result.verdict.summary.find("Confirmed by nwaudit's probe") != std::string::npos);
  REQUIRE(result.measurement);
}

TEST_CASE("measured verdict: a contradiction is said plainly and lowers the static causes") {
  const auto rules = rules_from(rule("FW", "all-connections", "high", "/facts/kext"));
  auto facts = facts_of(R"(<facts><os version="14.4"/><kext id="x" source="/L/x"/><coverage/></facts>)");
  AuditResult result = run_audit(facts, rules);
  apply_measurement(result, observed(NetworkPath::user_space));
  CHECK(result.verdict.path == NetworkPath::user_space);
  CHECK(result.verdict.predicted == NetworkPath::sockets);
  CHECK(result.verdict.contradicted);
  CHECK(result.verdict.confidence == Confidence::high);
  CHECK(result.findings[0].confidence == Confidence::medium);
  CHECK(result.verdict.summary.rfind("Observed user-space, but the facts predicted sockets.", 0) == 0);
}

TEST_CASE("measured verdict: sockets observed with no cause found says nwaudit cannot explain it") {
  auto facts = facts_of(R"(<facts><os version="14.4"/><coverage/></facts>)");
  AuditResult result = run_audit(facts, {});
  REQUIRE(result.verdict.path == NetworkPath::user_space);
  apply_measurement(result, observed(NetworkPath::sockets));
  CHECK(result.verdict.contradicted);
  CHECK(result.verdict.summary.find("None of its rules found a cause") != std::string::npos);
}

TEST_CASE("measured verdict: one path observed fits a mixed prediction; an unknown observation changes nothing") {
  const auto rules = rules_from(rule("TUN", "some-connections", "medium", "/facts/kext"));
  auto facts = facts_of(R"(<facts><os version="14.4"/><kext id="x" source="/L/x"/><coverage/></facts>)");
  AuditResult mixed = run_audit(facts, rules);
  REQUIRE(mixed.verdict.path == NetworkPath::mixed);
  const Confidence before = mixed.verdict.confidence;
  apply_measurement(mixed, observed(NetworkPath::user_space));
  CHECK(mixed.verdict.path == NetworkPath::mixed);
  CHECK(!mixed.verdict.contradicted);
  CHECK(mixed.verdict.confidence == before);
  CHECK(mixed.verdict.summary.find("saw user-space for the connections it made") != std::string::npos);

  AuditResult unknown = run_audit(facts, rules);
  apply_measurement(unknown, observed(NetworkPath::unknown));
  CHECK(unknown.verdict.path == NetworkPath::mixed);
  CHECK(!unknown.verdict.observed);
  CHECK(unknown.verdict.summary.find("could not show which path") != std::string::npos);
  CHECK(unknown.measurement);
}
