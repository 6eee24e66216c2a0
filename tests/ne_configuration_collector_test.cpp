#include "facts_support.h"

using nwaudit::test::FixtureFacts;

TEST_CASE("NE configurations: a VPN, a content filter and a DNS proxy") {
  FixtureFacts mac("ventura-vpn");
  CHECK(mac.count("/facts/ne-configuration[@kind='vpn'][@enabled='true'][@on-demand='true']"
                  "[@provider='io.tailscale.ipn.macsys.network-extension'][@protocol='NETunnelProviderProtocol']"
                  "[@vendor='Tailscale']") == 1);
  CHECK(mac.count("/facts/ne-configuration[@kind='content-filter'][@vendor='Cisco']") == 1);
  CHECK(mac.count("/facts/ne-configuration[@kind='dns-proxy'][@enabled='false']") == 1);
}

TEST_CASE("NE configurations: one odd configuration costs only itself") {
  FixtureFacts mac("broken");
  CHECK(mac.count("/facts/ne-configuration[@name='Good VPN'][@kind='vpn']") == 1);
  CHECK(mac.count("/facts/coverage/source[@path='/Library/Preferences/com.apple.networkextension.plist']"
                  "[@status='broken'][contains(@reason, 'UID 4242')]") == 1);
}

TEST_CASE("NE configurations: the real iOS store and an empty macOS one from ../shared") {
  const auto ios = nwaudit::test::shared_reference("ne_plist/ios-sysdiagnose-com.apple.networkextension.plist");
  const auto empty = nwaudit::test::shared_reference("ne_plist/42school-com.apple.networkextension.plist");
  if (ios.empty() || empty.empty()) {
    MESSAGE("SKIPPED: ../shared/reference is not beside this checkout");
    return;
  }
  nwaudit::test::TempDir tree;
  tree.write("Library/Preferences/com.apple.networkextension.plist", nwaudit::test::slurp(ios.string()));
  FixtureFacts populated(tree.path());
  CHECK(populated.count("/facts/ne-configuration") == 2);
  CHECK(populated.count("/facts/ne-configuration[@name='com.apple.commcenter.ne.cellularusage'][@kind='other']") == 1);
  CHECK(populated.count("/facts/coverage/source[@status='broken']") == 0);

  tree.write("Library/Preferences/com.apple.networkextension.plist", nwaudit::test::slurp(empty.string()));
  FixtureFacts none(tree.path());
  CHECK(none.count("/facts/ne-configuration") == 0);
  CHECK(none.count("/facts/coverage/source[@collector='ne-configurations'][@status='read']") == 1);
}

TEST_CASE("NE configurations: a plist that is not a keyed archive is broken, not fatal") {
  nwaudit::test::TempDir tree;
  tree.write("Library/Preferences/com.apple.networkextension.plist", "<plist><dict/></plist>");
  FixtureFacts mac(tree.path());
  CHECK(mac.count("/facts/coverage/source[@collector='ne-configurations'][@status='broken']"
                  "[contains(@reason, 'not a keyed archive')]") == 1);
}
