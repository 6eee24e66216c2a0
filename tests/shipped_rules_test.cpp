// The rules shipped in rules/: they load, each has a fixture Mac where it fires and one where
// it stays quiet, and together they cover every cause of the vocabulary.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "facts_support.h"
#include "nwaudit/base/limits.h"
#include "nwaudit/rules/evaluate.h"
#include "nwaudit/rules/knowledge.h"

using namespace nwaudit;

namespace {

std::filesystem::path shipped_rules_dir() { return std::filesystem::path(NWAUDIT_FIXTURES) / ".." / "rules"; }

const Knowledge& shipped() {
  static const Knowledge knowledge = load_knowledge({shipped_rules_dir()});
  return knowledge;
}

// Each shipped rule, a fixture Mac (fixtures/macs/NAME) where it must fire, and one where it
// must not. A new rule needs a row here, and so fixtures for both.
struct Expectation {
  const char* rule;
  const char* fires_in;
  const char* quiet_in;
};

const Expectation kExpectations[] = {
    // kernel.xml: the kernel's own state
    {"NWA-KERNEL-NETAGENT", "sonoma", "ventura-vpn"},
    {"NWA-KERNEL-FILTER-SOCKET", "monterey-kexts", "sonoma"},
    {"NWA-KERNEL-FILTER-IP", "sequoia-filters", "monterey-kexts"},
    {"NWA-KERNEL-FILTER-INTERFACE", "sequoia-filters", "monterey-kexts"},
    {"NWA-KERNEL-FILTER-ALF", "sonoma", "monterey-kexts"},
    {"NWA-KERNEL-FILTER-PARENTAL", "sequoia-filters", "sonoma"},
    {"NWA-KERNEL-FILTER-PF", "monterey-kexts", "sonoma"},
    {"NWA-KERNEL-BOOTARG-IF-ATTACH-NX", "monterey-kexts", "sonoma"},
    // kernel-api-stats.xml: the kernel's net.api_stats counters
    {"NWA-KERNEL-API-SFLT", "monterey-live", "sequoia-live"},
    {"NWA-KERNEL-API-IPF", "monterey-live", "sequoia-live"},
    {"NWA-KERNEL-API-IFLT", "monterey-live", "sequoia-live"},
    {"NWA-KERNEL-API-KEXT-INTERFACE", "monterey-live", "sequoia-live"},
    {"NWA-CONTEXT-NO-NEXUS-FLOWS-SINCE-BOOT", "monterey-live", "sequoia-live"},
    // os.xml: the release, and the preconditions of any verdict
    {"NWA-OS-BEFORE-12", "bigsur", "monterey-kexts"},
    {"NWA-OS-UNREADABLE", "broken", "sonoma"},
    {"NWA-OS-NOT-MACOS", "iphone-sysdiagnose", "sonoma"},
    {"NWA-OS-VERSION-UNPARSEABLE", "sonoma-bad-version", "iphone-sysdiagnose"},
    {"NWA-OS-CONTRADICTED", "sonoma-os-contradicted", "sonoma-firewall-pending"},
    {"NWA-OS-BUILD-MISMATCH", "sonoma-made-up-build", "sonoma-firewall-pending"},
    // kexts.xml
    {"NWA-KEXT-SFLT-LOADED", "monterey-kexts", "sonoma-leftovers"},
    {"NWA-KEXT-SFLT-UNKNOWN", "monterey-nocapture", "monterey-kexts"},
    {"NWA-KEXT-SFLT-NOT-LOADED", "sonoma-leftovers", "monterey-kexts"},
    {"NWA-KEXT-IPF-LOADED", "sequoia-filters", "monterey-kexts"},
    {"NWA-KEXT-IPF-UNKNOWN", "monterey-nocapture", "sequoia-filters"},
    {"NWA-KEXT-IPF-NOT-LOADED", "monterey-kexts", "sequoia-filters"},
    {"NWA-KEXT-IFLT-LOADED", "sequoia-filters", "sonoma-leftovers"},
    {"NWA-KEXT-IFLT-UNKNOWN", "monterey-nocapture", "sequoia-filters"},
    {"NWA-KEXT-IFLT-NOT-LOADED", "sonoma-leftovers", "sequoia-filters"},
    {"NWA-KEXT-SFLT-VENDOR", "monterey-kexts", "sonoma"},
    {"NWA-KEXT-IFLT-VENDOR", "sequoia-filters", "monterey-kexts"},
    {"NWA-KEXT-NETFILTER-VENDOR", "sequoia-filters", "monterey-kexts"},
    {"NWA-KEXT-CREATES-INTERFACE", "sequoia-filters", "monterey-kexts"},
    {"NWA-KEXT-CREATES-INTERFACE-UNKNOWN", "monterey-nocapture", "ventura-vpn-switched-off"},
    {"NWA-KEXT-CREATES-INTERFACE-NOT-LOADED", "sonoma-leftovers", "sequoia-filters"},
    {"NWA-KEXT-CREATES-INTERFACE-IDLE", "ventura-vpn-switched-off", "monterey-nocapture"},
    // firewall.xml, pf.xml
    {"NWA-FIREWALL-ENABLED", "sonoma", "ventura-vpn"},
    {"NWA-PF-CUSTOM", "monterey-kexts", "sonoma"},
    {"NWA-PF-LINK-CONDITIONER", "sonoma-link-conditioner", "sonoma-link-conditioner-off"},
    {"NWA-LINK-CONDITIONER-OFF", "sonoma-link-conditioner-off", "sonoma-link-conditioner"},
    // interfaces.xml: sonoma has utun0-utun2 without IPv4 and an inactive Thunderbolt Bridge;
    // ventura-vpn's legacy-model tap0 is a kext interface, not a legacy driver
    {"NWA-IF-KPI-ALLOCATED", "ventura-vpn", "sonoma"},
    {"NWA-IF-TUNNEL", "ventura-vpn", "sonoma"},
    {"NWA-IF-BRIDGE-MEMBER", "ventura-vpn", "sonoma"},
    {"NWA-IF-LEGACY-TX", "sequoia-filters", "ventura-vpn"},
    {"NWA-IF-INTEL-COMPAT-NETIF", "ventura-intel", "sonoma-leftovers"},
    // network-extensions.xml: sonoma's LuLu extension has an enabled configuration
    {"NWA-NE-CONTENT-FILTER", "sonoma", "monterey-kexts"},
    {"NWA-SYSEXT-CONTENT-FILTER", "sequoia-filters", "sonoma"},
    {"NWA-NE-PROXY-PROVIDER", "ventura-vpn", "sonoma"},
    {"NWA-NE-VPN", "ventura-vpn", "ventura-vpn-switched-off"},
    {"NWA-NE-DISABLED", "ventura-vpn-switched-off", "sonoma"},
    // network-services.xml
    {"NWA-SERVICE-LEGACY-VPN", "monterey-kexts", "ventura-vpn"},
    {"NWA-SERVICE-PROXY", "monterey-kexts", "sonoma"},
    {"NWA-SCUTIL-PROXY", "sysdiagnose-sonoma-script", "sysdiagnose-sequoia-collector"},
    {"NWA-SCUTIL-VPN-CONNECTED", "sysdiagnose-sonoma-script", "sonoma"},
    // context.xml
    {"NWA-CONTEXT-FD-LIMIT", "sonoma", "ventura-vpn"},
    {"NWA-CONTEXT-LAUNCHD-MAXFILES", "sonoma-firewall-pending", "sonoma"},
    {"NWA-PRIVATE-RELAY-ON", "sonoma-private-relay", "sonoma"},
    // log-history.xml: the unified log's network history
    {"NWA-LOG-FILTER-CHANGES", "sonoma-log-history", "sonoma"},
    {"NWA-LOG-DESCRIPTOR-EXHAUSTION", "sonoma-log-history", "sonoma"},
    // profiles.xml: settings a configuration profile installed
    {"NWA-PROFILE-CONTENT-FILTER", "ventura-managed-unread", "sonoma-managed"},
    {"NWA-PROFILE-GLOBAL-PROXY", "sonoma-managed", "ventura-managed-unread"},
    {"NWA-PROFILE-NETWORK-PAYLOAD", "sonoma-managed", "sonoma"},
};

// The findings of the shipped rules on one fixture Mac, collected once per Mac.
const std::vector<Finding>& findings_on(const std::string& mac) {
  static std::map<std::string, std::unique_ptr<test::FixtureFacts>> facts;
  static std::map<std::string, std::vector<Finding>> findings;
  if (auto found = findings.find(mac); found != findings.end()) return found->second;
  auto& collected = facts[mac];
  collected = std::make_unique<test::FixtureFacts>(mac.c_str());
  Evaluation evaluation = evaluate_rules(shipped().rules, collected->facts().document());
  findings[mac] = std::move(evaluation.findings);
  const std::vector<Error>& skipped = evaluation.skipped;
  CHECK_MESSAGE(skipped.empty(), "a shipped rule is over the budget on " << mac);  // none may ever be skipped
  return findings[mac];
}

std::set<std::string> fired_on(const std::string& mac) {
  std::set<std::string> ids;
  for (const Finding& finding : findings_on(mac)) ids.insert(finding.rule->id);
  return ids;
}

}  // namespace

TEST_CASE("shipped rules: the files load without problems") {
  const Knowledge& knowledge = shipped();
  for (const Error& problem : knowledge.problems) FAIL_CHECK(problem.describe());
  CHECK(knowledge.rules.size() >= std::size(kExpectations));
}

TEST_CASE("shipped rules: every rule has a row in the fixture table, and every row a rule") {
  std::set<std::string> table;
  for (const Expectation& expectation : kExpectations) {
    CAPTURE(expectation.rule);
    CHECK(table.insert(expectation.rule).second);  // no rule twice
  }
  std::set<std::string> shipped_ids;
  for (const Rule& rule : shipped().rules) {
    CAPTURE(rule.id);
    shipped_ids.insert(rule.id);
    CHECK_MESSAGE(table.count(rule.id) == 1, "add the rule to kExpectations with a Mac where it fires and one where it does not");
  }
  for (const std::string& id : table) {
    CAPTURE(id);
    CHECK_MESSAGE(shipped_ids.count(id) == 1, "the table names a rule that is not shipped");
  }
}

TEST_CASE("shipped rules: each fires on its fixture Mac and stays quiet on another") {
  for (const Expectation& expectation : kExpectations) {
    CAPTURE(expectation.rule);
    CAPTURE(expectation.fires_in);
    CAPTURE(expectation.quiet_in);
    CHECK(std::string(expectation.fires_in) != expectation.quiet_in);
    CHECK(fired_on(expectation.fires_in).count(expectation.rule) == 1);
    CHECK(fired_on(expectation.quiet_in).count(expectation.rule) == 0);
  }
}

TEST_CASE("shipped rules: findings fill every placeholder they use") {
  std::set<std::string> macs;
  for (const Expectation& expectation : kExpectations) macs.insert({expectation.fires_in, expectation.quiet_in});
  for (const std::string& mac : macs) {
    for (const Finding& finding : findings_on(mac)) {
      CAPTURE(mac);
      CAPTURE(finding.rule->id);
      CAPTURE(finding.message);
      // a placeholder left over, or one that named an attribute the element lacks
      CHECK(finding.message.find("{@") == std::string::npos);
      CHECK(finding.message.find("  ") == std::string::npos);
      CHECK(finding.message.find(" )") == std::string::npos);
      CHECK(finding.message.find(" .") == std::string::npos);
      for (const Fix& fix : finding.fixes) {
        CAPTURE(fix.title);
        CHECK(fix.title.find("{@") == std::string::npos);
        CHECK(fix.command.find("{@") == std::string::npos);
        CHECK(fix.title.find("  ") == std::string::npos);
        CHECK(fix.command.find("\"\"") == std::string::npos);
      }
    }
  }
}

TEST_CASE("shipped rules: every rule cites a source and says what to do") {
  for (const Rule& rule : shipped().rules) {
    CAPTURE(rule.id);
    CHECK_FALSE(rule.title.empty());
    CHECK_FALSE(rule.explanation.empty());
    // placeholders are filled only in the message and in fixes
    CHECK(rule.title.find("{@") == std::string::npos);
    CHECK(rule.explanation.find("{@") == std::string::npos);
    CHECK_FALSE(rule.references.empty());
    for (const Reference& reference : rule.references) {
      CAPTURE(reference.title);
      CHECK(reference.url.rfind("https://", 0) == 0);
    }
    std::size_t mac = 0, app = 0;
    for (const Fix& fix : rule.fixes) (fix.audience == "mac" ? mac : app) += 1;
    CHECK(app >= 1);
    // context rules change no path, so they may have fixes for the app only
    if (rule.effect != Effect::informational) CHECK(mac >= 1);
  }
}

TEST_CASE("shipped rules: every cause of the vocabulary is covered") {
  std::set<Cause> covered;
  for (const Rule& rule : shipped().rules) covered.insert(rule.cause);
  for (int value = static_cast<int>(Cause::os_version); value <= static_cast<int>(Cause::other); ++value) {
    const auto cause = static_cast<Cause>(value);
    CAPTURE(to_string(cause));
    CHECK(covered.count(cause) == 1);
  }
}

TEST_CASE("shipped rules: the kernel's own state is the only confirmed evidence") {
  for (const Rule& rule : shipped().rules) {
    CAPTURE(rule.id);
    if (rule.confidence == Confidence::confirmed) CHECK(rule.condition.rfind("/facts/kernel", 0) == 0);
  }
}

TEST_CASE("shipped rules: a vendor's own remedy replaces the general advice where the vendor files know one") {
  std::size_t with_remedy = 0, without = 0;
  for (const Finding& finding : findings_on("sonoma-leftovers")) {
    if (finding.rule->cause != Cause::socket_filter && finding.rule->cause != Cause::interface_filter) continue;
    CAPTURE(finding.subject);
    std::set<std::string> fix_ids;
    for (const Fix& fix : finding.fixes) fix_ids.insert(fix.id);
    const bool lulu = finding.subject == "com.objective-see.lulu";  // the vendor files know LuLu's way out
    CHECK(fix_ids.count("NWA-FIX-VENDOR-REMEDY") == (lulu ? 1 : 0));
    CHECK(fix_ids.count("NWA-FIX-KEXT-REPLACE-OR-REMOVE") == (lulu ? 0 : 1));
    for (const Fix& fix : finding.fixes) {
      if (fix.id == "NWA-FIX-VENDOR-REMEDY") CHECK(fix.description.find("Network Extension") != std::string::npos);
    }
    (lulu ? with_remedy : without) += 1;
  }
  CHECK(with_remedy == 1);
  CHECK(without == 1);
}

TEST_CASE("shipped rules: none is over the cost budget on a Mac with as many kexts as nwaudit reads") {
  // Every kext nwaudit may read, third-party and of unknown load state, beside a hundred
  // interfaces: conditions that compare each kext with every interface would be skipped.
  std::string xml = R"(<facts><os product="macOS" macos="true" version="14.6" major="14" minor="6" patch="0"/>)";
  for (std::size_t i = 0; i < nwaudit::limits::kMaxKexts; ++i) {
    xml += "<kext id=\"org.example.k" + std::to_string(i) +
           R"(" apple="false" loaded="unknown" scanned="true" socket-filter="true" creates-interface="true"/>)";
  }
  for (int i = 0; i < 100; ++i) xml += "<interface name=\"utun" + std::to_string(i) + R"(" family="utun"/>)";
  xml += "<coverage/></facts>";
  pugi::xml_document facts;
  REQUIRE(facts.load_string(xml.c_str()));
  const Evaluation evaluation = evaluate_rules(shipped().rules, facts);
  for (const Error& skipped : evaluation.skipped) FAIL_CHECK(skipped.describe());
}
