#include "facts_support.h"

using nwaudit::test::FixtureFacts;

TEST_CASE("network services: L2TP VPN, HTTP proxies and an inactive service") {
  FixtureFacts mac("monterey-kexts");
  CHECK(mac.count("/facts/service[@class='vpn'][@type='PPP'][@subtype='L2TP'][@order='2']") == 1);
  CHECK(mac.count("/facts/service[@name='Ethernet']/proxy[@kind='http'][@host='proxy.example.com'][@port='3128']") == 1);
  CHECK(mac.count("/facts/service[@name='Ethernet']/proxy[@kind='https']") == 1);
  CHECK(mac.count("/facts/service[@interface='en5'][@enabled='false']") == 1);
}

TEST_CASE("network services: a PAC proxy, bridges and the interface list") {
  FixtureFacts ventura("ventura-vpn");
  CHECK(ventura.count("/facts/service/proxy[@kind='pac'][@host='http://wpad.example.com/wpad.dat']") == 1);
  CHECK(ventura.count("/facts/bridge[@name='bridge100']/member[@interface='en5']") == 1);
  FixtureFacts sonoma("sonoma");
  CHECK(sonoma.count("/facts/service[@class='bridge'][@interface='bridge0']") == 1);
  CHECK(sonoma.count("/facts/bridge[@name='bridge0']/member") == 2);
  CHECK(sonoma.count("/facts/network-interface[@name='en0'][@type='IEEE80211'][@builtin='true']") == 1);
}

TEST_CASE("network services: wrong types where dictionaries belong are skipped") {
  FixtureFacts mac("broken");
  CHECK(mac.count("/facts/service") == 0);
  CHECK(mac.count("/facts/bridge[@name='bridge0'][not(member)]") == 1);
}

TEST_CASE("network services: real preferences from ../shared (PAC on Ethernet, PPPoE and modems)") {
  const auto imac = nwaudit::test::shared_reference("sc_prefs/potatofan-imac11,3-preferences.plist");
  const auto mbp = nwaudit::test::shared_reference("sc_prefs/rushilgrover-mbp7,1-preferences.plist");
  if (imac.empty() || mbp.empty()) {
    MESSAGE("SKIPPED: ../shared/reference is not beside this checkout");
    return;
  }
  nwaudit::test::TempDir tree;
  tree.write("Library/Preferences/SystemConfiguration/preferences.plist", nwaudit::test::slurp(imac.string()));
  FixtureFacts with_pac(tree.path());
  CHECK(with_pac.count("/facts/service[@interface='en0']/proxy[@kind='pac']") == 1);
  tree.write("Library/Preferences/SystemConfiguration/preferences.plist", nwaudit::test::slurp(mbp.string()));
  FixtureFacts modems(tree.path());
  CHECK(modems.count("/facts/service[@class='ppp']") > 0);
  CHECK(modems.count("/facts/service[@class='vpn']") == 0);
}
