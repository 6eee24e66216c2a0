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

namespace {

// A loaded-kexts.plist: KextManagerCopyLoadedKextInfo's dictionary, from "<key>id</key><dict>...</dict>" entries.
std::string loaded_kexts_plist(const std::string& entries) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\"><dict>" + entries + "</dict></plist>\n";
}

std::string loaded_entry(const std::string& id, const std::string& version, int tag) {
  return "<key>" + id + "</key><dict><key>CFBundleIdentifier</key><string>" + id +
         "</string><key>CFBundleVersion</key><string>" + version + "</string><key>OSBundleLoadTag</key><integer>" +
         std::to_string(tag) + "</integer></dict>";
}

}  // namespace

TEST_CASE("kexts: the running kernel's list from loaded-kexts.plist") {
  FixtureFacts mac("monterey-live");
  CHECK(mac.count("/facts/kext[@id='at.obdev.nke.LittleSnitch'][@installed='true'][@loaded='true'][@socket-filter='true']") == 1);
  CHECK(mac.count("/facts/kext[@id='net.sf.tuntaposx.tun'][@loaded='true']") == 1);
  CHECK(mac.count("/facts/kext[@id='com.joshuawise.kexts.HoRNDIS'][@loaded='false']") == 1);
  CHECK(mac.count("/facts/kext[@id='com.cisco.kext.acsock'][@version='4.9.06037'][@apple='false'][@installed='false']"
                  "[@loaded='true'][@source='/.nwaudit/loaded-kexts.plist']") == 1);
  CHECK(mac.count("/facts/kext[@id='__kernel__']") == 0);  // the kernel's own record, which kmutil leaves out too
  CHECK(mac.count("/facts/coverage/source[@path='/.nwaudit/loaded-kexts.plist'][@status='read'][not(problem)]") == 1);
  CHECK(mac.count("/facts/coverage/source[@path='/.nwaudit/kmutil-showloaded.txt']") == 0);
}

TEST_CASE("kexts: the plist gives the same facts as kmutil showloaded's rows for the same kexts") {
  FixtureFacts from_plist("sequoia-live");  // APPLE_KEXTS_LOADED[:-1] of fixtures/generate.py, as a plist
  FixtureFacts from_text("bigsur");         // the same rows, as kmutil showloaded prints them
  const auto kexts = [](FixtureFacts& mac) {
    std::string listing;
    for (const pugi::xpath_node& kext : mac.facts().document().select_nodes("/facts/kext")) {
      for (pugi::xml_attribute attribute : kext.node().attributes()) {
        if (std::string_view(attribute.name()) != "source") listing += std::string(attribute.name()) + "=" + attribute.value() + " ";
      }
      listing += "\n";
    }
    return listing;
  };
  CHECK(from_plist.count("/facts/kext") == 7);
  CHECK(kexts(from_plist) == kexts(from_text));
}

TEST_CASE("kexts: loaded-kexts.plist is preferred to the captured command output") {
  nwaudit::test::TempDir tree;
  tree.write(".nwaudit/loaded-kexts.plist", loaded_kexts_plist(loaded_entry("org.example.fromplist", "2.0", 60)));
  tree.write(".nwaudit/kmutil-showloaded.txt", "Index Refs Address Size Wired Name (Version) UUID <Linked Against>\n"
             "   61    0 0xffffff7f84488000 0x1d000 0x1d000 org.example.fromtext (1.0) "
             "ABCDEF01-2345-3678-9ABC-DEF012345678 <8 6 5 3 1>\n");
  FixtureFacts mac(tree.path());
  CHECK(mac.count("/facts/kext[@id='org.example.fromplist'][@version='2.0'][@loaded='true']") == 1);
  CHECK(mac.count("/facts/kext[@id='org.example.fromtext']") == 0);
  CHECK(mac.count("/facts/coverage/source[@path='/.nwaudit/kmutil-showloaded.txt']") == 0);
}

TEST_CASE("kexts: a malformed entry of loaded-kexts.plist costs only itself, and coverage names it") {
  nwaudit::test::TempDir tree;
  tree.write("Library/Extensions/Odd.kext/Contents/Info.plist",
             "<plist><dict><key>CFBundleIdentifier</key><string>org.example.odd</string></dict></plist>");
  tree.write(".nwaudit/loaded-kexts.plist", loaded_kexts_plist(
      loaded_entry("__kernel__", "21.6.0", 0) + loaded_entry("org.example.good", "1.0", 50) +
      "<key>org.example.notdict</key><string>oops</string>"
      "<key>org.example.odd</key><dict><key>CFBundleVersion</key><integer>3</integer>"
      "<key>OSBundleLoadTag</key><string>51</string><key>OSBundleUUID</key><data>AAEC</data>"
      "<key>OSBundleLoadAddress</key><integer>-549620465664</integer>"
      "<key>OSBundleDependencies</key><array><integer>1</integer><string>two</string>"
      "<integer>99999999999</integer></array></dict>"));
  FixtureFacts mac(tree.path());
  CHECK(mac.count("/facts/kext[@id='org.example.good'][@installed='false'][@loaded='true']") == 1);
  CHECK(mac.count("/facts/kext[@id='org.example.odd'][@installed='true'][@loaded='true']") == 1);
  CHECK(mac.count("/facts/kext[@id='org.example.notdict']") == 0);
  CHECK(mac.count("/facts/kext[@id='__kernel__']") == 0);
  const char* entry = "/facts/coverage/source[@path='/.nwaudit/loaded-kexts.plist'][@status='read']";
  CHECK(mac.count(entry) == 1);
  // Only the keys nwaudit reads are checked: OSBundleLoadTag, OSBundleUUID, ... are not.
  const std::string problems = std::string(entry) + "/problem[not(@line)]";
  CHECK(mac.count(problems.c_str()) == 2);
  for (const char* reason : {"the entry of org.example.notdict is a string where a dictionary belongs",
                             "CFBundleVersion of org.example.odd is an integer where a string belongs"}) {
    CAPTURE(reason);
    const std::string query = problems + "[@reason=\"" + reason + "\"]";
    CHECK(mac.count(query.c_str()) == 1);
  }
}

TEST_CASE("kexts: a loaded-kexts.plist that is not a dictionary leaves the load state unknown") {
  nwaudit::test::TempDir tree;
  tree.write("Library/Extensions/Odd.kext/Contents/Info.plist",
             "<plist><dict><key>CFBundleIdentifier</key><string>org.example.odd</string></dict></plist>");
  tree.write(".nwaudit/loaded-kexts.plist", "<plist><array/></plist>");
  FixtureFacts mac(tree.path());
  CHECK(mac.count("/facts/coverage/source[@path='/.nwaudit/loaded-kexts.plist'][@status='broken']") == 1);
  CHECK(mac.count("/facts/kext[@id='org.example.odd'][@loaded='unknown']") == 1);
}
