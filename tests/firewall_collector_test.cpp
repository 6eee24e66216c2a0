#include "facts_support.h"

using nwaudit::test::FixtureFacts;

namespace {

std::string alf(int global_state) {
  return "<plist><dict><key>globalstate</key><integer>" + std::to_string(global_state) +
         "</integer><key>stealthenabled</key><integer>1</integer></dict></plist>";
}

}  // namespace

TEST_CASE("firewall: on in the sample, off on Ventura") {
  CHECK(FixtureFacts("sonoma").count("/facts/application-firewall[@enabled='true'][@managed='false']") == 1);
  CHECK(FixtureFacts("ventura-vpn").count("/facts/application-firewall[@enabled='false']") == 1);
}

TEST_CASE("firewall: globalstate 2 blocks all; a managed profile decides") {
  nwaudit::test::TempDir tree;
  tree.write("Library/Preferences/com.apple.alf.plist", alf(2));
  FixtureFacts blocking(tree.path());
  CHECK(blocking.count("/facts/application-firewall[@enabled='true'][@block-all='true'][@stealth='true']") == 1);

  tree.write("Library/Managed Preferences/com.apple.security.firewall.plist",
             "<plist><dict><key>EnableFirewall</key><false/></dict></plist>");
  FixtureFacts managed(tree.path());
  CHECK(managed.count("/facts/application-firewall[@enabled='false'][@block-all='false'][@managed='true']"
                      "[@source='/Library/Managed Preferences/com.apple.security.firewall.plist']") == 1);
}

TEST_CASE("firewall: a link out of the tree is not followed") {
  FixtureFacts mac("broken");
  CHECK(mac.count("/facts/application-firewall") == 0);
  CHECK(mac.count("/facts/coverage/source[@path='/Library/Preferences/com.apple.alf.plist'][@status='missing']") == 1);
}
