#include "facts_support.h"

using nwaudit::test::FixtureFacts;

TEST_CASE("kexts: a legacy socket filter, a tun kext and an unknown IP filter on Monterey") {
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
  CHECK(mac.count("/facts/kext[@id='org.example.nke.ipguard']/architecture[@name='i386']") == 1);
  CHECK(mac.count("/facts/kext[@id='com.joshuawise.kexts.HoRNDIS'][@location='staged']") == 1);
  CHECK(mac.count("/facts/kext[@id='com.cisco.kext.acsock'][@installed='false'][@loaded='true']") == 1);
  CHECK(mac.count("/facts/kext[@apple='true'][@installed='true'][@scanned]") == 0);  // Apple's: Info.plist only
  CHECK(mac.count("/facts/coverage/source[@path='/.nwaudit/kextstat.txt'][@status='read']") == 1);
}

TEST_CASE("kexts: Apple's own on the sample Mac, loaded per kmutil showloaded") {
  FixtureFacts mac("sonoma");
  CHECK(mac.count("/facts/kext[@id='com.apple.nke.applicationfirewall'][@apple='true'][@loaded='true']") == 1);
  CHECK(mac.count("/facts/kext[@apple='false']") == 0);
}

TEST_CASE("kexts: plug-ins, codeless kexts, and no captured load state") {
  nwaudit::test::TempDir tree;
  auto info = [](const std::string& id, const std::string& executable) {
    std::string text = "<plist><dict><key>CFBundleIdentifier</key><string>" + id +
                       "</string><key>CFBundleVersion</key><string>1.0</string>";
    if (!executable.empty()) text += "<key>CFBundleExecutable</key><string>" + executable + "</string>";
    return text + "</dict></plist>";
  };
  tree.write("Library/Extensions/Outer.kext/Contents/Info.plist", info("org.example.outer", ""));
  tree.write("Library/Extensions/Outer.kext/Contents/PlugIns/Inner.kext/Contents/Info.plist",
             info("org.example.inner", "Inner"));
  tree.write("Library/Extensions/Outer.kext/Contents/PlugIns/Inner.kext/Contents/MacOS/Inner",
             nwaudit::test::fixture("macho/tun-x86_64"));
  tree.write("Library/Extensions/ReadMe.txt", "not a kext");
  FixtureFacts mac(tree.path());
  CHECK(mac.count("/facts/kext") == 2);
  CHECK(mac.count("/facts/kext[@id='org.example.outer'][not(@scanned)][@loaded='unknown']") == 1);
  CHECK(mac.count("/facts/kext[@id='org.example.inner'][@creates-interface='true']"
                  "[@path='/Library/Extensions/Outer.kext/Contents/PlugIns/Inner.kext']") == 1);
  CHECK(mac.count("/facts/coverage/source[@path='/.nwaudit/kmutil-showloaded.txt'][@status='missing']") == 1);
}

TEST_CASE("kexts: broken bundles and binaries are coverage entries") {
  FixtureFacts mac("broken");
  CHECK(mac.count("/facts/coverage/source[@path='/Library/Extensions/Broken.kext/Contents/Info.plist'][@status='broken']") == 1);
  CHECK(mac.count("/facts/coverage/source[@path='/Library/Extensions/BadBinary.kext/Contents/MacOS/BadBinary']"
                  "[@status='broken'][contains(@reason, 'byte offset 0')]") == 1);
  CHECK(mac.count("/facts/coverage/source[@path='/Library/Extensions/NoBinary.kext/Contents/MacOS/NoBinary'][@status='missing']") == 1);
  CHECK(mac.count("/facts/coverage/source[@path='/Library/Extensions/Loop.kext/Contents/Info.plist'][@problem='link-loop']") == 1);
  CHECK(mac.count("/facts/kext[@id='org.example.badbinary'][not(@scanned)]") == 1);
  CHECK(mac.count("/facts/coverage/source[@path='/.nwaudit/kmutil-showloaded.txt']/problem") >= 1);
  CHECK(mac.count("/facts/kext[@id='org.example.cut'][@installed='false'][@truncated='true']") == 1);
}
