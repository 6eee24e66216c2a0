// Network Link Conditioner: its pf anchors, found and named; its preference pane; and its one
// finding, in place of the generic custom-pf one, with the kernel's word over the prediction.
#include <algorithm>

#include "facts_support.h"
#include "nwaudit/audit/audit.h"
#include "nwaudit/capture/pf_link_conditioner.h"

using namespace nwaudit;
using test::FixtureFacts;

namespace {

const Knowledge& shipped() {
  static const Knowledge knowledge = load_knowledge({std::string(NWAUDIT_FIXTURES) + "/../rules"});
  return knowledge;
}

std::vector<std::string> finding_ids(const AuditResult& result) {
  std::vector<std::string> ids;
  for (const Finding& finding : result.findings) ids.push_back(finding.rule->id);
  return ids;
}

bool has(const std::vector<std::string>& ids, const char* id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

// A Mac whose /etc/pf.anchors/com.apple still calls the conditioner's sub-anchor of OS X 10.7
// and 10.8, with no pfctl capture, and the kernel's state as given.
void write_old_hook_mac(const test::TempDir& mac, const std::string& filter_state, const std::string& netagent,
                        const std::string& more_pf_conf = "") {
  mac.write("System/Library/CoreServices/SystemVersion.plist",
            R"(<?xml version="1.0" encoding="UTF-8"?><plist version="1.0"><dict><key>ProductBuildVersion</key>)"
            R"(<string>23G93</string><key>ProductName</key><string>macOS</string><key>ProductVersion</key>)"
            R"(<string>14.6.1</string></dict></plist>)");
  mac.write("etc/pf.conf",
            "anchor \"com.apple/*\"\nload anchor \"com.apple\" from \"/etc/pf.anchors/com.apple\"\n" + more_pf_conf);
  mac.write("etc/pf.anchors/com.apple", "anchor \"200.AirDrop/*\"\nanchor \"250.ApplicationFirewall/*\"\n"
                                        "dummynet-anchor \"300.NetworkLinkConditioner/*\"\n"
                                        "anchor \"300.NetworkLinkConditioner/*\"\n");
  mac.write(".nwaudit/sysctl.txt", "net.filter_state: " + filter_state +
                                       "\nnet.link.generic.system.enable_netagent: " + netagent +
                                       "\nkern.osproductversion: 14.6.1\nkern.osversion: 23G93\n");
}

}  // namespace

TEST_CASE("link conditioner: its anchors, current and old, and no other") {
  CHECK(capture::is_link_conditioner_anchor("com.apple.nlc"));
  CHECK(capture::is_link_conditioner_anchor("com.apple.nlc/base"));
  CHECK(capture::is_link_conditioner_anchor("com.apple/300.NetworkLinkConditioner"));
  CHECK(capture::is_link_conditioner_anchor("com.apple/300.NetworkLinkConditioner/pipes"));
  CHECK_FALSE(capture::is_link_conditioner_anchor("com.apple.nlcx"));
  CHECK_FALSE(capture::is_link_conditioner_anchor("com.apple"));
  CHECK_FALSE(capture::is_link_conditioner_anchor("com.apple/300.NetworkLinkConditionerX"));
  CHECK_FALSE(capture::is_link_conditioner_anchor("org.example/com.apple.nlc"));
}

TEST_CASE("link conditioner: switched on, its loaded anchors and dummynet rules are marked") {
  FixtureFacts on("sonoma-link-conditioner");
  CHECK(on.value("string(/facts/pf/@link-conditioner)") == "loaded");
  CHECK(on.count("/facts/pf/anchor[@feature='network-link-conditioner'][@from='loaded']") == 2);
  CHECK(on.count("/facts/pf/rule[@anchor='com.apple.nlc/base'][@feature='network-link-conditioner']") == 5);
  CHECK(on.count("/facts/pf/*[@feature][not(starts-with(@path, 'com.apple.nlc') or @anchor)]") == 0);
  CHECK(on.count("/facts/pf/anchor[@apple='false'][not(@feature)]") == 0);  // nothing else custom
  CHECK(on.value("string(/facts/link-conditioner/@version)") == "15.3");
}

TEST_CASE("link conditioner: installed and off, absent from a listing; unknown without one") {
  FixtureFacts off("sonoma-link-conditioner-off");
  CHECK(off.value("string(/facts/pf/@link-conditioner)") == "absent");
  CHECK(off.count("/facts/pf/*[@feature]") == 0);
  CHECK(off.count("/facts/link-conditioner") == 1);
  CHECK(FixtureFacts("sonoma").value("string(/facts/pf/@link-conditioner)") == "absent");
  CHECK(FixtureFacts("monterey-nocapture").value("string(/facts/pf/@link-conditioner)") == "unknown");
}

TEST_CASE("link conditioner: no pane, no element and no coverage entry") {
  FixtureFacts sonoma("sonoma");
  CHECK(sonoma.count("/facts/link-conditioner") == 0);
  CHECK(sonoma.count("/facts/coverage/source[@collector='link-conditioner']") == 0);
}

TEST_CASE("link conditioner: a pane whose Info.plist cannot be read is still installed, and coverage says why") {
  test::TempDir mac;
  mac.write("Library/PreferencePanes/Network Link Conditioner.prefPane/Contents/Info.plist", "not a plist");
  FixtureFacts facts{mac.path()};
  CHECK(facts.count("/facts/link-conditioner[@path='/Library/PreferencePanes/Network Link Conditioner.prefPane']") == 1);
  CHECK(facts.count("/facts/link-conditioner/@version") == 0);
  CHECK(facts.count("/facts/coverage/source[@collector='link-conditioner'][@status='broken']") == 1);
}

TEST_CASE("link conditioner: one finding for its anchor, never the generic custom-pf one as well") {
  REQUIRE(shipped().problems.empty());
  FixtureFacts on("sonoma-link-conditioner");
  const AuditResult result = run_audit(on.facts().document(), shipped().rules);
  const auto ids = finding_ids(result);
  CHECK(std::count(ids.begin(), ids.end(), "NWA-PF-LINK-CONDITIONER") == 1);
  CHECK_FALSE(has(ids, "NWA-PF-CUSTOM"));
  CHECK_FALSE(has(ids, "NWA-LINK-CONDITIONER-OFF"));

  // Another custom anchor beside the conditioner's is still named by the generic rule.
  test::TempDir mac;
  write_old_hook_mac(mac, "pf", "0", "anchor \"org.example.vpn\"\n");
  FixtureFacts both{mac.path()};
  const auto both_ids = finding_ids(run_audit(both.facts().document(), shipped().rules));
  CHECK(has(both_ids, "NWA-PF-CUSTOM"));
  CHECK(has(both_ids, "NWA-PF-LINK-CONDITIONER"));
}

TEST_CASE("link conditioner: an old hook line alone predicts sockets, and the kernel's word outranks it") {
  test::TempDir custom;
  write_old_hook_mac(custom, "pf", "0");
  FixtureFacts counted{custom.path()};
  CHECK(counted.value("string(/facts/pf/@link-conditioner)") == "configured");
  CHECK(counted.count("/facts/pf/hook[@path='com.apple/300.NetworkLinkConditioner'][@from='configured']") == 2);
  const AuditResult agreed = run_audit(counted.facts().document(), shipped().rules);
  CHECK(has(finding_ids(agreed), "NWA-PF-LINK-CONDITIONER"));
  CHECK_FALSE(has(finding_ids(agreed), "NWA-PF-CUSTOM"));
  CHECK(agreed.verdict.path == NetworkPath::sockets);

  // The kernel says user space: the hook line is shown as contradicted, not as a cause.
  test::TempDir pending;
  write_old_hook_mac(pending, "", "1");
  FixtureFacts healthy{pending.path()};
  const AuditResult result = run_audit(healthy.facts().document(), shipped().rules);
  CHECK(result.verdict.path == NetworkPath::user_space);
  bool contradicted = false;
  for (const Finding& finding : result.findings) {
    if (finding.rule->id == "NWA-PF-LINK-CONDITIONER") contradicted = finding.contradicted_by == "kernel";
  }
  CHECK(contradicted);
}
