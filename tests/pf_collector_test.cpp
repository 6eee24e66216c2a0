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
