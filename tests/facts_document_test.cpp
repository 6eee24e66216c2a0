#include "facts_support.h"
#include "fake_source.h"
#include "facts/xml_text.h"

using nwaudit::test::FixtureFacts;

TEST_CASE("facts: every collector on the sample Sonoma Mac") {
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
  // The sample has no third-party or Apple-library kexts, so those folders are not in the tree,
  // and was made before nwaudit captured sw_vers, the unified log, launchd's limits and the
  // installed configuration profiles; it has no user folders for Private Relay's preferences.
  CHECK(mac.count("/facts/coverage/source[@status!='read']") == 8);
  CHECK(mac.count("/facts/coverage/source[@path='/Users'][@status='missing']") == 1);
  CHECK(mac.count("/facts/coverage/source[@path='/.nwaudit/profiles.xml'][@status='missing']") == 1);
  CHECK(mac.count("/facts/coverage/source[@path='/.nwaudit/launchctl-limit.txt'][@status='missing']") == 1);
  CHECK(mac.count("/facts/coverage/source[@path='/.nwaudit/sw_vers.txt'][@status='missing']") == 1);
  CHECK(mac.count("/facts/coverage/source[@path='/.nwaudit/log-network.txt'][@status='missing']") == 1);
  CHECK(mac.count("/facts/coverage/source[@collector='kexts'][@status='missing']") == 3);
}

TEST_CASE("facts: broken sources are coverage entries and the rest is still read") {
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

TEST_CASE("facts: the same tree gives the same bytes") {
  for (const char* mac : {"sonoma", "monterey-kexts", "ventura-vpn", "broken"}) {
    CAPTURE(mac);
    FixtureFacts first(mac);
    FixtureFacts second(mac);
    CHECK(first.facts().to_xml() == second.facts().to_xml());
  }
}

TEST_CASE("facts: an unreadable source is 'unreadable' in coverage") {
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

TEST_CASE("facts: text XML cannot carry is replaced, the rest kept") {
  CHECK(nwaudit::valid_xml_text("plain \xC3\xA9 \xE4\xB8\xAD\t\n") == "plain \xC3\xA9 \xE4\xB8\xAD\t\n");
  CHECK(nwaudit::valid_xml_text("a\x01" "b") == "a\xEF\xBF\xBD" "b");
  CHECK(nwaudit::valid_xml_text("\xFF\xC3") == "\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(nwaudit::valid_xml_text("\xEF\xBF\xBE") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // U+FFFE, byte by byte
  CHECK(nwaudit::valid_xml_text("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
}

TEST_CASE("facts: a value is stored as XML can carry it, up to a zero byte") {
  using namespace std::string_view_literals;
  nwaudit::Facts facts("test", "tree \x01 at \xFF/Mac\0 hidden"sv);
  CHECK(std::string_view(facts.root().attribute("source").value()) == "tree \xEF\xBF\xBD at \xEF\xBF\xBD/Mac");
  nwaudit::Facts plain("test", "the tree at /Users/\xC3\xA9/Mac\t1");
  CHECK(std::string_view(plain.root().attribute("source").value()) == "the tree at /Users/\xC3\xA9/Mac\t1");
  pugi::xml_document reread;
  CHECK(reread.load_string(facts.to_xml().c_str()));
}

TEST_CASE("facts: every byte at every place in short values is judged as valid_xml_text judges it") {
  for (int byte = 0; byte < 256; ++byte) {
    for (std::size_t size = 1; size <= 17; ++size) {
      for (std::size_t at = 0; at < size; ++at) {
        std::string text(size, 'a');
        text[at] = static_cast<char>(byte);
        CAPTURE(byte);
        CAPTURE(size);
        CAPTURE(at);
        REQUIRE(nwaudit::needs_valid_xml_text(text) == (nwaudit::valid_xml_text(text) != text));
      }
    }
  }
}
