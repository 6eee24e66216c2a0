#include "facts_support.h"
#include "fake_source.h"

using nwaudit::test::FixtureFacts;

TEST_CASE("collectors: the sample Sonoma Mac") {
  FixtureFacts mac("sonoma");
  CHECK(mac.value("string(/facts/os/@version)") == "14.4.1");
  CHECK(mac.value("string(/facts/os/@architecture)") == "arm64");
  CHECK(mac.value("string(/facts/kernel/@filter-state)") == "application-firewall");
  CHECK(mac.value("string(/facts/kernel/@netagent)") == "false");
  CHECK(mac.count("/facts/kernel/filter[@name='application-firewall']") == 1);
  CHECK(mac.value("string(/facts/application-firewall/@enabled)") == "true");
  CHECK(mac.count("/facts/kext[@id='com.apple.nke.applicationfirewall'][@apple='true'][@loaded='true']") == 1);
  CHECK(mac.count("/facts/kext[@apple='false']") == 0);
  CHECK(mac.count("/facts/system-extension[@id='com.objective-see.lulu.extension'][@enabled='true']"
                  "[@listed='true'][provider/@kind='filter-data'][@vendor='Objective-See']") == 1);
  CHECK(mac.count("/facts/ne-configuration[@kind='content-filter'][@enabled='true']"
                  "[@provider='com.objective-see.lulu.extension']") == 1);
  CHECK(mac.count("/facts/bridge[@name='bridge0']/member") == 2);
  CHECK(mac.count("/facts/interface[@name='en0'][@flowswitch='true'][@nexus-provider='true']") == 1);
  CHECK(mac.count("/facts/interface[@name='en1'][@bridge='bridge0'][@flowswitch-agent='false']") == 1);
  CHECK(mac.value("string(/facts/pf/@custom-anchors)") == "false");
  CHECK(mac.value("string(/facts/pf/@custom-rules)") == "false");
  // The sample has no third-party or Apple-library kexts, so those folders are not in the tree.
  CHECK(mac.count("/facts/coverage/source[@status!='read']") == 3);
  CHECK(mac.count("/facts/coverage/source[@collector='kexts'][@status='missing']") == 3);
}

TEST_CASE("collectors: legacy kexts on an Intel Monterey Mac") {
  FixtureFacts mac("monterey-kexts");
  pugi::xml_node snitch = mac.node("/facts/kext[@id='at.obdev.nke.LittleSnitch']");
  REQUIRE(snitch);
  CHECK(std::string(snitch.attribute("socket-filter").value()) == "true");
  CHECK(std::string(snitch.attribute("loaded").value()) == "true");
  CHECK(std::string(snitch.attribute("vendor").value()) == "Objective Development");
  CHECK(mac.count("/facts/kext[@id='at.obdev.nke.LittleSnitch']/architecture") == 2);
  CHECK(mac.count("/facts/kext[@id='at.obdev.nke.LittleSnitch']/import[@symbol='sflt_register']") == 1);

  CHECK(mac.count("/facts/kext[@id='net.sf.tuntaposx.tun'][@creates-interface='true'][@loaded='false']") == 1);
  CHECK(mac.count("/facts/kext[@id='org.example.nke.ipguard'][@ip-filter='true'][not(@vendor)]") == 1);
  CHECK(mac.count("/facts/kext[@id='com.joshuawise.kexts.HoRNDIS'][@location='staged']") == 1);
  CHECK(mac.count("/facts/kext[@id='com.cisco.kext.acsock'][@installed='false'][@loaded='true']") == 1);
  CHECK(mac.count("/facts/kext[@apple='true'][@installed='true'][@scanned]") == 0);  // Apple's: Info.plist only

  CHECK(mac.count("/facts/kernel/filter") == 2);
  CHECK(mac.count("/facts/kernel/boot-arg[@name='-no_compat_check'][not(@value)]") == 1);
  CHECK(mac.count("/facts/kernel/boot-arg[@name='if_attach_nx'][@value='0x2b'][@transport-netagent='false']") == 1);
  CHECK(mac.count("/facts/service[@class='vpn'][@subtype='L2TP']") == 1);
  CHECK(mac.count("/facts/service[@name='Ethernet']/proxy[@kind='http'][@host='proxy.example.com'][@port='3128']") == 1);
  CHECK(mac.count("/facts/service[@interface='en5'][@enabled='false']") == 1);
  CHECK(mac.value("string(/facts/pf/@custom-anchors)") == "true");
  CHECK(mac.value("string(/facts/pf/@custom-rules)") == "true");
  CHECK(mac.count("/facts/pf/anchor[@path='org.example.vpn'][@apple='false'][@from='loaded']") == 1);
  CHECK(mac.count("/facts/pf/rule[@custom='true'][@anchor='org.example.vpn'][@from='configured']") == 2);
}

TEST_CASE("collectors: a system-extension VPN and content filter on Ventura") {
  FixtureFacts mac("ventura-vpn");
  CHECK(mac.count("/facts/system-extension[@network-extension='true'][@enabled='true']") == 2);
  CHECK(mac.count("/facts/system-extension[@state='terminated_waiting_to_uninstall_on_reboot'][@active='false']") == 1);
  CHECK(mac.count("/facts/system-extension[@id='com.cisco.anyconnect.macos.acsockext']/provider") == 2);
  CHECK(mac.count("/facts/system-extension[@endpoint-security='true'][@vendor='CrowdStrike']") == 1);
  CHECK(mac.count("/facts/ne-configuration[@kind='vpn'][@enabled='true'][@on-demand='true']"
                  "[@provider='io.tailscale.ipn.macsys.network-extension'][@vendor='Tailscale']") == 1);
  CHECK(mac.count("/facts/ne-configuration[@kind='content-filter'][@vendor='Cisco']") == 1);
  CHECK(mac.count("/facts/ne-configuration[@kind='dns-proxy'][@enabled='false']") == 1);
  CHECK(mac.count("/facts/service/proxy[@kind='pac']") == 1);
  CHECK(mac.value("string(/facts/kernel/@filter-state)").empty());
  CHECK(mac.count("/facts/kernel[@filter-state='']") == 1);
  CHECK(mac.value("string(/facts/kernel/@netagent)") == "true");
  CHECK(mac.count("/facts/interface[@family='utun'][@flowswitch-agent='false']") >= 1);
  CHECK(mac.count("/facts/interface[@name='tap0'][@allocated-by-kpi='true'][@legacy='true']") == 1);
}

TEST_CASE("collectors: broken sources are coverage entries and the rest is still read") {
  FixtureFacts mac("broken");
  auto status = [&](const std::string& path) {
    return mac.value(("string(/facts/coverage/source[@path='" + path + "'][@status!='read']/@status)").c_str());
  };
  CHECK(status("/System/Library/CoreServices/SystemVersion.plist") == "broken");
  CHECK(status("/Library/SystemExtensions/db.plist") == "broken");
  CHECK(status("/Library/Extensions/Broken.kext/Contents/Info.plist") == "broken");
  CHECK(status("/Library/Extensions/BadBinary.kext/Contents/MacOS/BadBinary") == "broken");
  CHECK(status("/Library/Extensions/NoBinary.kext/Contents/MacOS/NoBinary") == "missing");
  CHECK(status("/Library/Extensions/Loop.kext/Contents/Info.plist") == "broken");
  CHECK(status("/Library/Preferences/com.apple.alf.plist") == "missing");  // a link to /etc/shadow, kept inside
  CHECK(status("/.nwaudit/ifconfig-v.txt") == "broken");
  CHECK(status("/etc/pf.anchors/org.example.gone") == "missing");
  CHECK(mac.count("/facts/coverage/source[@path='/Library/Preferences/com.apple.networkextension.plist']"
                  "[@status='broken'][contains(@reason, 'UID 4242')]") == 1);
  CHECK(mac.count("/facts/coverage/source[@path='/.nwaudit/sysctl.txt']/problem[@line='2']") == 1);

  // What could be read still is.
  CHECK(mac.count("/facts/ne-configuration[@name='Good VPN'][@kind='vpn']") == 1);
  CHECK(mac.count("/facts/kext[@id='org.example.badbinary'][not(@scanned)]") == 1);
  CHECK(mac.count("/facts/kernel/filter[@name='socket']") == 1);
  CHECK(mac.count("/facts/kernel/unavailable[@name='net.link.generic.system.enable_netagent']") == 1);
  CHECK(mac.count("/facts/pf/hook[@path='org.example.gone'][@apple='false']") == 1);

  const std::string text = mac.facts().to_xml();
  pugi::xml_document reparsed;
  CHECK(reparsed.load_string(text.c_str()));  // garbage from captures is made valid XML
}

TEST_CASE("collectors: the same tree gives the same bytes") {
  for (const char* mac : {"sonoma", "monterey-kexts", "ventura-vpn", "broken"}) {
    CAPTURE(mac);
    FixtureFacts first(mac);
    FixtureFacts second(mac);
    CHECK(first.facts().to_xml() == second.facts().to_xml());
  }
}

TEST_CASE("collectors: an unreadable source is 'unreadable' in coverage") {
  auto inner = nwaudit::RootedSource::open(nwaudit::test::fixture_path("macs/sonoma"));
  REQUIRE(inner);
  nwaudit::test::FailingSource source(std::move(*inner));
  source.fail("/Library/Preferences/com.apple.alf.plist", nwaudit::ErrorKind::permission_denied, "Permission denied");
  source.fail("/.nwaudit/kmutil-showloaded.txt", nwaudit::ErrorKind::permission_denied, "Permission denied");
  nwaudit::Facts facts("test", "sonoma");
  collect_facts(source, nwaudit::VendorCatalog{}, facts);
  const pugi::xml_document& document = facts.document();
  CHECK(document.select_node("/facts/coverage/source[@path='/Library/Preferences/com.apple.alf.plist']"
                             "[@status='unreadable'][@reason='Permission denied']"));
  CHECK_FALSE(document.select_node("/facts/application-firewall"));
  CHECK(document.select_nodes("/facts/coverage/source[@path='/.nwaudit/kmutil-showloaded.txt']").size() == 1);
  CHECK(document.select_node("/facts/coverage/source[@path='/.nwaudit/kmutil-showloaded.txt'][@status='unreadable']"));
  CHECK(document.select_node("/facts/kext[@id='com.apple.nke.applicationfirewall'][@loaded='unknown']"));
  CHECK(document.select_node("/facts/system-extension[@id='com.objective-see.lulu.extension'][not(@vendor)]"));
}
