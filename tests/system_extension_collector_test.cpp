#include "facts_support.h"

using nwaudit::test::FixtureFacts;

TEST_CASE("system extensions: a VPN, a content filter and an endpoint-security agent on Ventura") {
  FixtureFacts mac("ventura-vpn");
  CHECK(mac.count("/facts/system-extension[@network-extension='true'][@enabled='true'][@listed='true']") == 2);
  CHECK(mac.count("/facts/system-extension[@state='terminated_waiting_to_uninstall_on_reboot'][@active='false']") == 1);
  CHECK(mac.count("/facts/system-extension[@id='com.cisco.anyconnect.macos.acsockext']/provider") == 2);
  CHECK(mac.count("/facts/system-extension[@id='io.tailscale.ipn.macsys.network-extension'][@enabled='true']"
                  "/provider[@kind='packet-tunnel'][@principal-class='PacketTunnelProvider']") == 1);
  CHECK(mac.count("/facts/system-extension[@endpoint-security='true'][@vendor='CrowdStrike']") == 1);
}

TEST_CASE("system extensions: the sample's LuLu, from db.plist, its Info.plist and the listing") {
  FixtureFacts mac("sonoma");
  CHECK(mac.count("/facts/system-extension[@id='com.objective-see.lulu.extension'][@enabled='true']"
                  "[@listed='true'][provider/@kind='filter-data'][@vendor='Objective-See']") == 1);
}

TEST_CASE("system extensions: an XML db.plist, and an extension only the listing shows") {
  nwaudit::test::TempDir tree;
  tree.write("Library/SystemExtensions/db.plist", R"(<plist><dict><key>extensions</key><array><dict>
    <key>identifier</key><string>org.example.filter</string><key>teamID</key><string>ABCDE12345</string>
    <key>state</key><string>activated_waiting_for_user</string>
    <key>categories</key><array><string>com.apple.system_extension.network_extension</string></array>
    <key>bundleVersion</key><dict><key>CFBundleShortVersionString</key><string>1.2</string></dict>
    </dict></array></dict></plist>)");
  tree.write(".nwaudit/systemextensionsctl-list.txt",
             "1 extension(s)\n--- com.apple.system_extension.driver_extension\n"
             "enabled\tactive\tteamID\tbundleID (version)\tname\t[state]\n"
             "*\t*\tZZZZZ99999\torg.example.driver (3.0/30)\tDriver\t[activated enabled]\n");
  FixtureFacts mac(tree.path());
  CHECK(mac.count("/facts/system-extension[@id='org.example.filter'][@active='true'][@enabled='false'][not(@listed)]") == 1);
  CHECK(mac.count("/facts/system-extension[@id='org.example.driver'][@driver='true'][@listed='true']"
                  "[@source='/.nwaudit/systemextensionsctl-list.txt']") == 1);
  CHECK(mac.count("/facts/coverage/source[contains(@path, 'org.example.filter.systemextension')]") == 0);  // no bundle path known
}

TEST_CASE("system extensions: the real osquery db.plist from ../shared") {
  const auto sample = nwaudit::test::shared_reference("sysext_db/osquery-tests-db.plist.bplist");
  if (sample.empty()) {
    MESSAGE("SKIPPED: ../shared/reference is not beside this checkout");
    return;
  }
  nwaudit::test::TempDir tree;
  tree.write("Library/SystemExtensions/db.plist", nwaudit::test::slurp(sample.string()));
  FixtureFacts mac(tree.path());
  CHECK(mac.count("/facts/system-extension[@id='com.objective-see.lulu.extension'][@enabled='true']"
                  "[@network-extension='true']") == 1);
}
