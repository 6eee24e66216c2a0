#include "facts_support.h"

using nwaudit::test::FixtureFacts;

namespace {

// A profiles capture with one computer-level profile holding `items` (ProfileItems entries).
std::string capture_with(const std::string& items) {
  return "<plist><dict><key>_computerlevel</key><array><dict>"
         "<key>ProfileIdentifier</key><string>com.example.p</string>"
         "<key>ProfileDisplayName</key><string>Example P</string>"
         "<key>ProfileItems</key><array>" +
         items + "</array></dict></array></dict></plist>";
}

}  // namespace

TEST_CASE("profiles: each profile and payload of the capture, the user's name left out") {
  FixtureFacts mac("sonoma-managed");
  CHECK(mac.count("/facts/profile[@scope='computer']") == 3);
  CHECK(mac.count("/facts/profile[@identifier='edu.example.mdm.security'][@name='Example University Security']"
                  "[@organization='Example University'][@removal-disallowed='true']"
                  "[@source='/.nwaudit/profiles.xml']") == 1);
  CHECK(mac.count("/facts/profile[@scope='user'][@name='Home Wi-Fi']/payload[@kind='other']") == 1);
  // The user's short name is a key of the capture; it is nowhere in the facts.
  CHECK(mac.count("//@*[contains(., 'jappleseed')]") == 0);
  CHECK(mac.count("/facts/profile/payload[@payload-type='com.apple.webcontent-filter'][@kind='content-filter']"
                  "[@provider='org.example.schoolfilter.data'][@setting-name='Example School Filter']"
                  "[@profile='Example University Security'][@profile-id='edu.example.mdm.security']"
                  "[@profile-organization='Example University']") == 1);
  CHECK(mac.count("/facts/profile/payload[@kind='proxy'][@payload-type='com.apple.proxy.http.global']") == 1);
  CHECK(mac.count("/facts/profile/payload[@kind='dns']") == 1);
  // What a payload sets beyond provider and name (server URLs, keys) stays out of the facts.
  CHECK(mac.count("//@*[contains(., 'mdm.example.edu')]") == 0);
}

TEST_CASE("profiles: the settings a payload installed name its profile") {
  FixtureFacts mac("sonoma-managed");
  // The managed firewall preferences and the capture's firewall payload.
  CHECK(mac.count("/facts/application-firewall[@enabled='true'][@managed='true']"
                  "[@payload-type='com.apple.security.firewall'][@profile='Example University Security']"
                  "[@profile-id='edu.example.mdm.security']") == 1);
  // Matched by provider: the configuration keeps no record of its profile.
  CHECK(mac.count("/facts/ne-configuration[@kind='content-filter'][@profile='Example University Security']"
                  "[@payload-type='com.apple.webcontent-filter'][not(@profile-source)]") == 1);
  // Matched by the configuration's own record (ProfileInfo), which gives the identifier; the
  // capture adds the display name.
  CHECK(mac.count("/facts/ne-configuration[@kind='vpn'][@profile='Example University Network']"
                  "[@profile-id='edu.example.mdm.network'][@profile-organization='Example University']"
                  "[@payload-type='com.apple.vpn.managed'][@profile-source='mdm']") == 1);
  CHECK(mac.count("/facts/profile/payload[@applies-to='application-firewall']") == 1);
  CHECK(mac.count("/facts/profile/payload[@applies-to='ne-configuration']") == 2);
  CHECK(mac.count("/facts/profile/payload[@kind='proxy'][@applies-to]") == 0);
  // Each attribute once, though two sources may give it.
  CHECK(mac.count("/facts/ne-configuration[@kind='vpn']/@profile") == 1);
}

TEST_CASE("profiles: a configuration's own record names its profile without the capture") {
  nwaudit::test::TempDir tree;
  tree.write("Library/Preferences/com.apple.networkextension.plist",
             nwaudit::test::fixture("macs/sonoma-managed/Library/Preferences/com.apple.networkextension.plist"));
  FixtureFacts alone(tree.path());
  CHECK(alone.count("/facts/ne-configuration[@kind='vpn'][@profile='edu.example.mdm.network']"
                    "[@profile-id='edu.example.mdm.network'][@profile-source='mdm']") == 1);
  CHECK(alone.count("/facts/ne-configuration[@kind='content-filter'][@profile]") == 0);
  CHECK(alone.count("/facts/profile") == 0);
  CHECK(alone.count("/facts/coverage/source[@path='/.nwaudit/profiles.xml'][@status='missing']") == 1);
}

TEST_CASE("profiles: a payload that matches nothing applies to nothing") {
  FixtureFacts mac("ventura-managed-unread");
  CHECK(mac.count("/facts/ne-configuration") == 0);
  CHECK(mac.count("/facts/profile/payload[@kind='content-filter'][not(@applies-to)]") == 1);
  CHECK(mac.count("/facts/application-firewall[@profile='Example University Security']") == 1);
}

TEST_CASE("profiles: odd captures are problems of the capture, and the rest is read") {
  nwaudit::test::TempDir tree;
  tree.write(".nwaudit/profiles.xml",
             "<plist><dict><key>_computerlevel</key><string>none</string>"
             "<key>someone</key><array><string>not a profile</string>" +
                 std::string("<dict><key>ProfileIdentifier</key><string>com.example.kept</string>"
                             "<key>ProfileRemovalDisallowed</key><true/>"
                             "<key>ProfileItems</key><array><integer>1</integer></array></dict>") +
                 "</array></dict></plist>");
  FixtureFacts odd(tree.path());
  CHECK(odd.count("/facts/profile[@identifier='com.example.kept'][@scope='user'][@removal-disallowed='true']") == 1);
  CHECK(odd.count("/facts/profile/payload") == 0);
  CHECK(odd.count("/facts/coverage/source[@path='/.nwaudit/profiles.xml'][@status='read']/problem") == 3);

  tree.write(".nwaudit/profiles.xml", "There are no configuration profiles installed\n");
  FixtureFacts text(tree.path());
  CHECK(text.count("/facts/profile") == 0);
  CHECK(text.count("/facts/coverage/source[@path='/.nwaudit/profiles.xml'][@status='broken']") == 1);
}

TEST_CASE("profiles: a VPN payload names a built-in VPN service of its name") {
  nwaudit::test::TempDir tree;
  tree.write(".nwaudit/profiles.xml",
             capture_with("<dict><key>PayloadType</key><string>com.apple.vpn.managed</string>"
                          "<key>PayloadContent</key><dict><key>UserDefinedName</key><string>Office VPN (L2TP)</string>"
                          "<key>VPNType</key><string>L2TP</string></dict></dict>"));
  tree.write("Library/Preferences/SystemConfiguration/preferences.plist",
             nwaudit::test::fixture("macs/monterey-kexts/Library/Preferences/SystemConfiguration/preferences.plist"));
  FixtureFacts mac(tree.path());
  CHECK(mac.count("/facts/service[@class='vpn'][@name='Office VPN (L2TP)'][@profile='Example P']"
                  "[@profile-id='com.example.p'][@payload-type='com.apple.vpn.managed']") == 1);
  CHECK(mac.count("/facts/profile/payload[@applies-to='service']") == 1);
}
