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
  const std::string os = R"(<os product="macOS" macos="true" version="14.4" major="14" minor="4" patch="0"/>)";
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

  // Without a readable macOS, finding nothing proves nothing, whatever rules are loaded.
  CHECK(verdict_of("<coverage/>").path == NetworkPath::unknown);
  CHECK(verdict_of(kernel_on + "<coverage/>").path == NetworkPath::unknown);
  CHECK(verdict_of(R"(<os product="iPhone OS" macos="false" version="17.5" major="17"/><coverage/>)").path ==
        NetworkPath::unknown);
  CHECK(verdict_of(R"(<os product="macOS" macos="true" version="Sonoma"/><coverage/>)").path == NetworkPath::unknown);

  // Without the kernel's word, each source that could hide a cause lowers "nothing found" a step:
  // one blind spot leaves user space at low confidence, a second leaves no answer.
  const std::string kext_list_missing =
      R"(<source collector="kexts" path="/.nwaudit/kmutil-showloaded.txt" status="missing"/>
      <source collector="kexts" path="/Library/StagedExtensions" status="missing"/>
      <source collector="kernel" path="/.nwaudit/net.api_stats" status="missing"/>
      <source collector="kexts" path="/.nwaudit/loaded-kexts.plist" status="missing"/>)";
  Verdict blind = verdict_of(os + "<coverage>" + kext_list_missing + "</coverage>");
  CHECK(blind.path == NetworkPath::user_space);
  CHECK(blind.confidence == Confidence::low);
  REQUIRE(blind.blind_spots.size() == 1);  // snapshots made before net.api_stats was captured are not blind
  CHECK(blind.sources_read == 0);
  CHECK(blind.sources_sought == 4);

  Verdict blinder = verdict_of(os + "<coverage>" + kext_list_missing +
                               R"(<source collector="pf" path="/etc/pf.conf" status="broken" reason="line 3: bad"/></coverage>)");
  CHECK(blinder.path == NetworkPath::unknown);
  REQUIRE(blinder.blind_spots.size() == 2);
  CHECK(blinder.blind_spots[1] == "/etc/pf.conf (broken: line 3: bad)");

  // With the kernel's word, user space is confirmed; without the interfaces, only for the whole Mac.
  Verdict interfaces_unread = verdict_of(os + kernel_on + R"(<coverage>
      <source collector="interfaces" path="/.nwaudit/ifconfig-v.txt" status="missing"/></coverage>)");
  CHECK(interfaces_unread.path == NetworkPath::user_space);
  CHECK(interfaces_unread.confidence == Confidence::high);
}

TEST_CASE("audit: the kernel's word outranks a prediction, and the report says so") {
  const auto rules = rules_from(rule("PREDICTED", "all-connections", "high", "/facts/application-firewall[@enabled='true']") +
                                rule("KERNEL", "all-connections", "confirmed", "/facts/kernel[@netagent='false']") +
                                rule("LATER", "latent", "low", "/facts/kext"));
  const std::string os = R"(<os product="macOS" macos="true" version="14.4" major="14" minor="4" patch="0"/>)";
  auto audit_of = [&](const std::string& body) {
    auto facts = facts_of("<facts>" + os + body + "<coverage/></facts>");
    return run_audit(facts, rules);
  };
  const AuditResult pending =
      audit_of(R"(<kernel netagent="true" filter-state=""/><application-firewall enabled="true"/><kext id="k"/>)");
  CHECK(pending.verdict.path == NetworkPath::user_space);
  CHECK(pending.verdict.confidence == Confidence::confirmed);
  CHECK(pending.verdict.basis == VerdictBasis::kernel);
  CHECK(pending.verdict.contradicted);
  CHECK(pending.verdict.causes.empty());
  CHECK(pending.verdict.contradiction.find("enable_netagent 1") != std::string::npos);
  REQUIRE(pending.findings.size() == 2);
  for (const Finding& finding : pending.findings) {
    CAPTURE(finding.rule->id);
    CHECK(finding.contradicted_by == (finding.rule->id == "PREDICTED" ? "kernel" : ""));  // latent ones are not predictions
  }

  // The kernel agreeing with the prediction contradicts nothing.
  const AuditResult applied =
      audit_of(R"(<kernel netagent="false" filter-state="application-firewall"/><application-firewall enabled="true"/>)");
  CHECK(applied.verdict.path == NetworkPath::sockets);
  CHECK(applied.verdict.confidence == Confidence::confirmed);
  CHECK_FALSE(applied.verdict.contradicted);
  CHECK(applied.verdict.causes.size() == 2);

  // The kernel says off and no rule says why: still sockets, never user space.
  const AuditResult unexplained = audit_of(R"(<kernel netagent="true" filter-state="socket"/>)");
  CHECK(unexplained.verdict.path == NetworkPath::sockets);
  CHECK(unexplained.verdict.summary.find("none of the rules") != std::string::npos);

  // A precondition that fails blocks the verdict, whatever the kernel says.
  const auto blocking = rules_from(rule("NOT-A-MAC", "blocks-verdict", "high", "/facts/os[@macos='false']"));
  auto iphone = facts_of(R"(<facts><os product="iPhone OS" macos="false" version="17.5" major="17"/>
      <kernel netagent="true" filter-state=""/><coverage/></facts>)");
  const AuditResult blocked = run_audit(iphone, blocking);
  CHECK(blocked.verdict.path == NetworkPath::unknown);
  REQUIRE(blocked.verdict.causes.size() == 1);
  CHECK(blocked.findings[blocked.verdict.causes[0]].rule->id == "NOT-A-MAC");
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
  auto facts = facts_of(R"(<facts><os product="macOS" macos="true" version="14.4" major="14"/><coverage/></facts>)");
  AuditResult result = run_audit(facts, {});
  REQUIRE(result.verdict.path == NetworkPath::user_space);
  apply_measurement(result, observed(NetworkPath::sockets));
  CHECK(result.verdict.contradicted);
  CHECK(result.verdict.summary.find("None of its rules found a cause") != std::string::npos);
}

TEST_CASE("measured verdict: an observation decides where the facts could not") {
  auto facts = facts_of(R"(<facts><coverage/></facts>)");
  AuditResult result = run_audit(facts, {});
  REQUIRE(result.verdict.path == NetworkPath::unknown);
  apply_measurement(result, observed(NetworkPath::sockets));
  CHECK(result.verdict.path == NetworkPath::sockets);
  CHECK(result.verdict.observed);
  CHECK(result.verdict.basis == VerdictBasis::measurement);
  CHECK_FALSE(result.verdict.contradicted);
  CHECK(result.verdict.summary.find("probe of a loopback listener of the probe's own shows sockets") != std::string::npos);
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
