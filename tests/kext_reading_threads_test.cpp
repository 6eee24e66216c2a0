#include <doctest/doctest.h>

#include <sys/resource.h>

#include <filesystem>
#include <string>

#include "facts_support.h"
#include "nwaudit/base/limits.h"
#include "test_support.h"

// Kext bundles are read on several threads and recorded in the order of the folders' listings:
// the facts must be the same, byte for byte, whatever the number of threads.

namespace {

using nwaudit::test::FixtureFacts;
using nwaudit::test::TempDir;

std::string info_plist(const std::string& identifier, const std::string& executable) {
  std::string plist =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\"><dict>"
      "<key>CFBundleIdentifier</key><string>" + identifier + "</string><key>CFBundleVersion</key><string>1.0</string>";
  if (!executable.empty()) plist += "<key>CFBundleExecutable</key><string>" + executable + "</string>";
  return plist + "</dict></plist>\n";
}

// A kext folder of every shape the collector meets: bundles with and without code, broken and
// missing Info.plists, broken executables, plug-ins nested past the depth limit, and staged
// bundles in folders of their own.
void write_kexts(const TempDir& mac) {
  const std::string code = nwaudit::test::fixture("macho/socket-filter-universal");
  const std::string broken_code = nwaudit::test::fixture("macho/broken/symtab-past-end");
  for (int index = 0; index < 120; ++index) {
    const std::string name = "Vendor" + std::to_string(index);
    const std::string bundle = "Library/Extensions/" + name + ".kext/Contents/";
    std::string plugins = bundle;
    for (std::size_t depth = 0; index % 4 == 0 && depth <= nwaudit::limits::kMaxPlugInDepth; ++depth) {
      const std::string plugin = name + "Plugin" + std::to_string(depth);
      plugins += "PlugIns/" + plugin + ".kext/Contents/";
      mac.write(plugins + "Info.plist", info_plist("com.vendor." + plugin, plugin));
      mac.write(plugins + "MacOS/" + plugin, code);
    }
    switch (index % 6) {
      case 0: mac.write(bundle + "Info.plist", info_plist("com.vendor." + name, name)); break;
      case 1: mac.write(bundle + "Info.plist", info_plist("com.apple." + name, name)); break;
      case 2: mac.write(bundle + "Info.plist", "<plist><dict><key>broken"); continue;
      case 3: mac.write(bundle + "Resources/readme", "no Info.plist"); continue;
      case 4: mac.write(bundle + "Info.plist", info_plist("com.vendor." + name, name + "-missing")); continue;
      default: mac.write(bundle + "Info.plist", info_plist("com.vendor." + name, name)); break;
    }
    mac.write(bundle + "MacOS/" + name, index % 6 == 5 ? broken_code : code);
  }
  for (int index = 0; index < 10; ++index) {
    const std::string name = "Staged" + std::to_string(index);
    mac.write("Library/StagedExtensions/Library/Extensions/" + name + ".kext/Contents/Info.plist",
              info_plist("com.vendor." + name, ""));
  }
  mac.write("System/Library/Extensions/IONetworkingFamily.kext/Contents/Info.plist",
            info_plist("com.apple.iokit.IONetworkingFamily", "IONetworkingFamily"));
  mac.write("System/Library/Extensions/IONetworkingFamily.kext/Contents/PlugIns/AppleEthernet.kext/Contents/Info.plist",
            info_plist("com.apple.driver.AppleEthernet", "AppleEthernet"));
}

}  // namespace

TEST_CASE("kext bundles read on several threads give the same facts as on one") {
  TempDir mac;
  write_kexts(mac);
  FixtureFacts one(mac.path(), 1);
  const std::string serial = one.facts().to_xml();
  CHECK(one.count("/facts/kext") > 140);
  CHECK(one.count("/facts/kext[@scanned='true']") > 20);
  CHECK(one.count("/facts/coverage/source[@status!='read']") > 20);
  for (unsigned threads : {2u, 3u, 8u}) {
    for (int round = 0; round < 3; ++round) {
      CAPTURE(threads);
      FixtureFacts many(mac.path(), threads);
      CHECK(many.facts().to_xml() == serial);
    }
  }
}

TEST_CASE("every fixture Mac gives the same facts on one thread and on four") {
  for (const std::filesystem::path& mac : nwaudit::test::fixture_macs()) {
    CAPTURE(mac.string());
    FixtureFacts one(mac, 1);
    FixtureFacts four(mac, 4);
    CHECK(four.facts().to_xml() == one.facts().to_xml());
  }
}

TEST_CASE("threads stay within a Mac shell's descriptor limit of 256") {
  TempDir mac;
  write_kexts(mac);
  const std::string serial = FixtureFacts(mac.path(), 1).facts().to_xml();
  struct rlimit saved {};
  REQUIRE(::getrlimit(RLIMIT_NOFILE, &saved) == 0);
  if (saved.rlim_cur != RLIM_INFINITY && saved.rlim_cur < 256) {
    MESSAGE("SKIPPED: the descriptor limit is already under 256");
    return;
  }
  struct rlimit low = saved;
  low.rlim_cur = 256;
  REQUIRE(::setrlimit(RLIMIT_NOFILE, &low) == 0);
  FixtureFacts many(mac.path(), 8);
  const std::string threaded = many.facts().to_xml();
  REQUIRE(::setrlimit(RLIMIT_NOFILE, &saved) == 0);
  CHECK(threaded == serial);
}
