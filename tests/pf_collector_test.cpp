#include "facts_support.h"

using nwaudit::test::FixtureFacts;

TEST_CASE("pf: Apple's anchors only on the sample Mac") {
  FixtureFacts mac("sonoma");
  CHECK(mac.value("string(/facts/pf/@custom-anchors)") == "false");
  CHECK(mac.value("string(/facts/pf/@custom-rules)") == "false");
  CHECK(mac.count("/facts/pf/anchor[@from='loaded']") == 3);
  CHECK(mac.count("/facts/pf/anchor[@path='com.apple/200.AirDrop'][@apple='true']") == 1);
}

TEST_CASE("pf: a VPN kill switch's anchor and an admin's rule, loaded and configured") {
  FixtureFacts mac("monterey-kexts");
  CHECK(mac.value("string(/facts/pf/@custom-anchors)") == "true");
  CHECK(mac.value("string(/facts/pf/@custom-rules)") == "true");
  CHECK(mac.count("/facts/pf/anchor[@path='org.example.vpn'][@apple='false'][@from='loaded']") == 1);
  CHECK(mac.count("/facts/pf/hook[@kind='anchor'][@path='org.example.vpn'][@from='configured'][@line='12']") == 1);
  CHECK(mac.count("/facts/pf/rule[@custom='true'][@anchor=''][@from='loaded']") == 1);
  CHECK(mac.count("/facts/pf/rule[@custom='true'][@anchor='org.example.vpn'][@from='configured']") == 2);
}

TEST_CASE("pf: configuration alone, without captures, and a missing anchor file") {
  FixtureFacts mac("broken");
  CHECK(mac.value("string(/facts/pf/@custom-anchors)") == "true");
  CHECK(mac.count("/facts/pf/hook[@path='org.example.gone'][@apple='false']") == 1);
  CHECK(mac.count("/facts/coverage/source[@path='/etc/pf.anchors/org.example.gone'][@status='missing']") == 1);
  CHECK(mac.count("/facts/coverage/source[@path='/.nwaudit/pfctl-rules.txt']/problem[contains(@reason, 'Permission denied')]") == 1);
}

namespace {

// A tree with only pf captures: `pfctl -s rules` as pfctl-rules.txt, and `pfctl -s Anchors -v`
// when given.
std::string custom_anchors_with(const std::string& rules, const std::string& anchors = "") {
  nwaudit::test::TempDir mac;
  mac.write(".nwaudit/pfctl-rules.txt", rules);
  if (!anchors.empty()) mac.write(".nwaudit/pfctl-anchors.txt", anchors);
  FixtureFacts facts(mac.path());
  return facts.value("string(/facts/pf/@custom-anchors)");
}

}  // namespace

TEST_CASE("pf: a capture made inside com.apple names its sub-anchors relative to it") {
  // Apple's own anchor file calls these, and `sudo pfctl -a com.apple -s rules` lists them so.
  const std::string inside = "No ALTQ support in kernel\nALTQ related functions disabled\n"
                             "anchor \"200.AirDrop/*\" all\nanchor \"250.ApplicationFirewall/*\" all\n";
  CHECK(custom_anchors_with("$ sudo pfctl -a com.apple -s rules\n" + inside) == "false");
  CHECK(custom_anchors_with("mac:~ admin$ sudo /sbin/pfctl -sr -a 'com.apple'\n" + inside) == "false");
  // Without the command line, hooks that only name com.apple's sub-anchors mean the same.
  CHECK(custom_anchors_with(inside) == "false");
  CHECK(custom_anchors_with(inside, "  com.apple\n  com.apple/200.AirDrop\n  com.apple/250.ApplicationFirewall\n") ==
        "false");
  // Unless the loaded anchors show such an anchor at the top level: there the kernel counts it.
  CHECK(custom_anchors_with(inside, "  200.AirDrop\n  250.ApplicationFirewall\n") == "true");
  // A capture inside another anchor is that anchor's, and a custom one.
  CHECK(custom_anchors_with("% pfctl -a org.example.vpn -s rules\nanchor \"killswitch\" all\n") == "true");
  // The main ruleset's own hooks keep their top-level paths.
  CHECK(custom_anchors_with("anchor \"com.apple/*\" all\n") == "false");
  CHECK(custom_anchors_with("anchor \"com.apple/*\" all\nanchor \"200.AirDrop/*\" all\n") == "true");
}
