// The findings of a setting a configuration profile installed offer the organization's device
// management, naming the profile and payload, instead of what a user could do on the Mac.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "facts_support.h"
#include "nwaudit/rules/evaluate.h"

using namespace nwaudit;

namespace {

// The fixes offered under the findings of `rule` on the Mac in `facts`, by id or (written out in
// the rule) by title; and each fix's description, joined.
struct Offered {
  std::set<std::string> fixes;
  std::string text;
  bool mdm = false;
};

Offered offered(test::FixtureFacts& facts, const std::string& rule) {
  const Knowledge knowledge = load_knowledge({std::string(NWAUDIT_FIXTURES) + "/../rules"});
  Offered result;
  for (const Finding& finding : evaluate_rules(knowledge.rules, facts.facts().document()).findings) {
    if (finding.rule->id != rule) continue;
    for (const Fix& fix : finding.fixes) {
      result.fixes.insert(fix.id.empty() ? fix.title : fix.id);
      if (fix.id.rfind("NWA-FIX-PROFILE", 0) == 0) {
        result.text += fix.title + " " + fix.description + "\n";
        result.mdm = result.mdm || fix.needs_mdm;
      }
    }
  }
  return result;
}

}  // namespace

TEST_CASE("profile fixes: a named profile's firewall, filter and VPN go to its organization") {
  test::FixtureFacts mac("sonoma-managed");
  for (const char* rule : {"NWA-FIREWALL-ENABLED", "NWA-NE-CONTENT-FILTER", "NWA-NE-VPN"}) {
    CAPTURE(rule);
    const Offered fixes = offered(mac, rule);
    CHECK(fixes.fixes.count("NWA-FIX-PROFILE-OWNER") == 1);
    CHECK(fixes.mdm);
    // What cannot work on a managed setting is not offered.
    CHECK(fixes.fixes.count("NWA-FIX-FIREWALL-TURN-OFF") == 0);
    CHECK(fixes.fixes.count("NWA-FIX-CONTENT-FILTER-TURN-OFF") == 0);
    CHECK(fixes.fixes.count("Remove the VPN configuration if it is no longer used") == 0);
  }
  const std::string firewall = offered(mac, "NWA-FIREWALL-ENABLED").text;
  CHECK(firewall.find("\"Example University Security\"") != std::string::npos);
  CHECK(firewall.find("com.apple.security.firewall") != std::string::npos);
  CHECK(firewall.find("edu.example.mdm.security") != std::string::npos);
  CHECK(offered(mac, "NWA-NE-VPN").text.find("com.apple.vpn.managed") != std::string::npos);
}

TEST_CASE("profile fixes: a managed firewall without the capture says a profile decides, unnamed") {
  test::TempDir tree;
  tree.write("Library/Managed Preferences/com.apple.security.firewall.plist",
             "<plist><dict><key>EnableFirewall</key><true/></dict></plist>");
  test::FixtureFacts mac(tree.path());
  const Offered fixes = offered(mac, "NWA-FIREWALL-ENABLED");
  CHECK(fixes.fixes.count("NWA-FIX-PROFILE-UNNAMED") == 1);
  CHECK(fixes.fixes.count("NWA-FIX-PROFILE-OWNER") == 0);
  CHECK(fixes.fixes.count("NWA-FIX-FIREWALL-TURN-OFF") == 0);
  CHECK(fixes.mdm);
  CHECK(fixes.text.find("com.apple.security.firewall") != std::string::npos);
}

TEST_CASE("profile fixes: a firewall turned on locally keeps the local fixes") {
  test::FixtureFacts mac("sonoma");
  const Offered fixes = offered(mac, "NWA-FIREWALL-ENABLED");
  CHECK(fixes.fixes.count("NWA-FIX-FIREWALL-TURN-OFF") == 1);
  CHECK(fixes.fixes.count("NWA-FIX-FIREWALL-PROFILE") == 1);
  CHECK(fixes.fixes.count("NWA-FIX-PROFILE-OWNER") == 0);
  CHECK(fixes.fixes.count("NWA-FIX-PROFILE-UNNAMED") == 0);
}
