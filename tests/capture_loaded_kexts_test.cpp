#include <doctest/doctest.h>

#include <string>

#include "nwaudit/capture/loaded_kexts.h"
#include "test_support.h"

using namespace nwaudit::capture;

namespace {

// What kextstat prints on macOS 11 and later, where it forwards to kmutil.
const std::string kKmutilCapture =
    "Executing: /usr/bin/kmutil showloaded\n"
    "No variant specified, falling back to release\n"
    "Index Refs Address            Size       Wired      Name (Version) UUID <Linked Against>\n"
    "    1  160 0                  0          0          com.apple.kpi.bsd (22.6.0) 0C1A2B3C-4D5E-3F60-8172-839405A6B7C8 <>\n"
    "   52    3 0xffffff8001c6f000 0x3000     0x3000     com.apple.iokit.IOUserEthernet (1.0.1) 11111111-2222-3333-4444-555555555555 <6 5 3 1>\n"
    "  201    0 0xffffff7f84488000 0x1d000    0x1d000    at.obdev.nke.LittleSnitch (5443) ABCDEF01-2345-3678-9ABC-DEF012345678 <8 6 5 3 1>\n";

const LoadedKext* find(const LoadedKexts& parsed, const std::string& bundle_id) {
  for (const auto& kext : parsed.kexts) {
    if (kext.bundle_id == bundle_id) return &kext;
  }
  return nullptr;
}

LoadedKexts parse_reference(const std::string& name) {
  return parse_loaded_kexts(nwaudit::test::slurp(nwaudit::test::shared_reference("kextstat/" + name).string()));
}

bool have_references() {
  if (!nwaudit::test::shared_reference("kextstat").empty()) return true;
  MESSAGE("SKIPPED: ../shared/reference/kextstat is not beside the checkout");
  return false;
}

}  // namespace

TEST_CASE("capture: kmutil showloaded rows, all columns") {
  const auto parsed = parse_loaded_kexts(kKmutilCapture);
  CHECK(parsed.problems.empty());
  REQUIRE(parsed.kexts.size() == 3);

  const auto& bsd = parsed.kexts[0];
  CHECK(bsd.bundle_id == "com.apple.kpi.bsd");
  CHECK(bsd.version == "22.6.0");
  CHECK_FALSE(bsd.truncated);

  const auto& snitch = parsed.kexts[2];
  CHECK(snitch.bundle_id == "at.obdev.nke.LittleSnitch");
  CHECK(snitch.version == "5443");
  CHECK_FALSE(snitch.truncated);
}

TEST_CASE("capture: older kextstat without the UUID column") {
  const auto parsed = parse_loaded_kexts(
      "Index Refs Address    Size       Wired      Name (Version) <Linked Against>\n"
      "    1   72 0xffffff7f80742000 0x665c     0x665c     com.apple.kpi.bsd (11.4.2)\n"
      "   10    0 0xffffff7f80748000 0x3000     0x3000     com.apple.kec.corecrypto (1.0) <7 6 5 4 3 1>\n");
  CHECK(parsed.problems.empty());
  REQUIRE(parsed.kexts.size() == 2);
  CHECK(parsed.kexts[0].version == "11.4.2");
  CHECK_FALSE(parsed.kexts[0].truncated);
  CHECK(parsed.kexts[1].version == "1.0");
  CHECK_FALSE(parsed.kexts[1].truncated);
}

TEST_CASE("capture: kext rows separated by tabs, by single spaces, or indented") {
  const auto tabs = parse_loaded_kexts(
      "Index\tRefs\tAddress\tSize\tWired\tName (Version) UUID <Linked Against>\n"
      "144\t0\t0xffffff7f80a2c000\t0x7000\t0x7000\tnet.sf.tuntaposx.tap\t(1.0)\t23FDB715-3D0D-3A26-ACBA-E3794C231CB7\t<7 5 4 1>\n");
  const auto spaces = parse_loaded_kexts(
      "Index Refs Address Size Wired Name (Version) UUID <Linked Against>\n"
      "144 0 0xffffff7f80a2c000 0x7000 0x7000 net.sf.tuntaposx.tap (1.0) 23FDB715-3D0D-3A26-ACBA-E3794C231CB7 <7 5 4 1>\n");
  const auto indented = parse_loaded_kexts(
      "    Index Refs Address            Size       Wired      Name (Version) UUID <Linked Against>\n"
      "      144    0 0xffffff7f80a2c000 0x7000     0x7000     net.sf.tuntaposx.tap (1.0) 23FDB715-3D0D-3A26-ACBA-E3794C231CB7 <7 5 4 1>\n");
  for (const auto* parsed : {&tabs, &spaces, &indented}) {
    CHECK(parsed->problems.empty());
    REQUIRE(parsed->kexts.size() == 1);
    CHECK(parsed->kexts[0].bundle_id == "net.sf.tuntaposx.tap");
    CHECK(parsed->kexts[0].version == "1.0");
    CHECK_FALSE(parsed->kexts[0].truncated);
  }
}

TEST_CASE("capture: kext capture with CRLF, pasted prompts and the command echoed") {
  const auto parsed = parse_loaded_kexts(
      "% kextstat | grep -v com.apple\r\n"
      "mbp:~ jo$ kextstat | grep -v com.apple\r\n"
      "kextstat\r\n"
      "Index Refs Address            Size       Wired      Name (Version) UUID <Linked Against>\r\n"
      "  110    0 0xffffff7f83d7a000 0x28000    0x28000    com.intel.kext.intelhaxm (7.3.2) 58DFBE80-E54A-3EFE-B38A-215C5ED8E828 <7 5 4 3 1>\r\n"
      "mbp:~ jo$ \r\n");
  CHECK(parsed.problems.empty());
  REQUIRE(parsed.kexts.size() == 1);
  CHECK(parsed.kexts[0].version == "7.3.2");
  CHECK_FALSE(parsed.kexts[0].truncated);
}

TEST_CASE("capture: kext rows cut short keep what is certain") {
  SUBCASE("inside the linked-against list: the last number may be part of a longer one") {
    const auto parsed = parse_loaded_kexts(
        "  147    0 0xffffff7f84488000 0x1d000    0x1d000    com.razer.common.razerhid (21.80) 05CC9886-AECE-392B-8DCD-3439C4DB224B <14 7 1");
    CHECK(parsed.problems.empty());
    REQUIRE(parsed.kexts.size() == 1);
    CHECK(parsed.kexts[0].truncated);
    CHECK(parsed.kexts[0].version == "21.80");
  }
  SUBCASE("inside the UUID") {
    const auto parsed = parse_loaded_kexts("  147    0 0xffffff7f84488000 0x1d000 0x1d000 com.razer.common.razerhid (21.80) 05CC9886-AE");
    CHECK(parsed.problems.empty());
    REQUIRE(parsed.kexts.size() == 1);
    CHECK(parsed.kexts[0].truncated);
    CHECK(parsed.kexts[0].version == "21.80");
  }
  SUBCASE("inside the version") {
    const auto parsed = parse_loaded_kexts("  110    0 0xffffff7f83d7a000 0x28000 0x28000 com.intel.kext.intelhaxm (7.3");
    REQUIRE(parsed.kexts.size() == 1);
    CHECK(parsed.kexts[0].truncated);
    CHECK(parsed.kexts[0].version.empty());
  }
  SUBCASE("after the bundle id: kept, flagged, since the id itself may be cut") {
    const auto parsed = parse_loaded_kexts("  150    0 0xffffff7f810c2000 0xd000     0xd000     com.displaylink.driver.DisplayL");
    CHECK(parsed.problems.empty());
    REQUIRE(parsed.kexts.size() == 1);
    CHECK(parsed.kexts[0].bundle_id == "com.displaylink.driver.DisplayL");
    CHECK(parsed.kexts[0].truncated);
  }
  SUBCASE("before the bundle id: a problem, no row") {
    const auto parsed = parse_loaded_kexts(
        "  149    0 0xffffff7f813d1000 0xd000     0xd000     com.apple.driver.pmtelemetry (1) E6E68296-809B-3884-ADEF-E85831F4B106 <7 6 5 4 3>\n"
        "  150    0 0xffffff7f810c2000 0xd0");
    REQUIRE(parsed.kexts.size() == 1);
    REQUIRE(parsed.problems.size() == 1);
    CHECK(parsed.problems[0].line == 2);
  }
}

TEST_CASE("capture: panic report loaded-kext lists") {
  const auto parsed = parse_loaded_kexts(
      "System uptime in nanoseconds: 427363865840761\n"
      "last loaded kext at 261056714656597: @filesystems.apfs\t748.51.0 (addr 0xffffff7f94816000, size 999424)\n"
      "last unloaded kext at 261156477671235: >AppleXsanScheme\t3 (addr 0xffffff7f9480e000, size 32768)\n"
      "loaded kexts:\n"
      "at.obdev.nke.LittleSnitch\t4740\n"
      "com.parallels.kext.prl_vnic 7.0 15052.710728\n"
      "com.intego.iokit.VBX6NKE    8\n"
      "@kext.AMDFramebuffer\t2.1.1\n"
      ">!AUpstreamUserClient\t3.6.5\n"
      "|IOBluetooth!F\t6.0.7f10\n"
      "$sandbox\t300.0\n"
      ">usb.!UHostCompositeDevice\t1.2\n"
      "com.apple.driver.AppleIntelH");
  CHECK(parsed.problems.empty());
  REQUIRE(parsed.kexts.size() == 9);
  CHECK(parsed.kexts[0].bundle_id == "at.obdev.nke.LittleSnitch");
  CHECK(parsed.kexts[0].version == "4740");
  CHECK(parsed.kexts[1].version == "7.0 15052.710728");
  CHECK(parsed.kexts[2].bundle_id == "com.intego.iokit.VBX6NKE");
  CHECK(parsed.kexts[2].version == "8");
  CHECK(parsed.kexts[3].bundle_id == "com.apple.kext.AMDFramebuffer");
  CHECK(parsed.kexts[4].bundle_id == "com.apple.driver.AppleUpstreamUserClient");
  CHECK(parsed.kexts[5].bundle_id == "com.apple.iokit.IOBluetoothFamily");
  CHECK(parsed.kexts[6].bundle_id == "com.apple.security.sandbox");
  CHECK(parsed.kexts[7].bundle_id == "com.apple.driver.usb.AppleUSBHostCompositeDevice");
  CHECK(parsed.kexts[8].bundle_id == "com.apple.driver.AppleIntelH");
  CHECK(parsed.kexts[8].truncated);
  CHECK(parsed.kexts[8].version.empty());

  const auto empty_list = parse_loaded_kexts("loaded kexts:\n(none)\n");
  CHECK(empty_list.kexts.empty());
  CHECK(empty_list.problems.empty());
}

TEST_CASE("capture: lines that are not loaded kexts become problems") {
  const auto parsed = parse_loaded_kexts(
      "#Use kextstat to print the loaded drivers\n"
      "Index Refs Address            Size       Wired      Name (Version) UUID <Linked Against>\n"
      "9PTGMPNXZ2|com.symantec.kext.ips|1|Symantec|8\n"
      "    8   com.apple.kec.corecrypto\n"
      "  144    0 0xffffff7f80a2c000 0x7000     0x7000     net.sf.tuntaposx.tap [1.0]\n"
      "  145    0 0xffffff7f80a22000 0x7000     0x7000     net.sf.tuntaposx.tun (1.0) not-a-uuid <7 5 4 1>\n"
      "  146    0 0xffffff7f80a22000 0x7000     0x7000     net.sf.example (1.0) <7 x 1>\n"
      "Kernel Extensions in backtrace:\n"
      "  201    0 0xffffff7f84488000 0x1d000    0x1d000    at.obdev.nke.LittleSnitch (5443) <8 6 5 3 1>\n");
  REQUIRE(parsed.problems.size() == 7);
  CHECK(parsed.problems[0].line == 1);
  CHECK(parsed.problems[1].line == 3);
  CHECK(parsed.problems[2].line == 4);
  CHECK(parsed.problems[6].line == 8);
  // A row whose index and bundle id are clear is kept even when what follows is not.
  REQUIRE(parsed.kexts.size() == 4);
  CHECK(parsed.kexts[0].bundle_id == "net.sf.tuntaposx.tap");
  CHECK(parsed.kexts[1].bundle_id == "net.sf.tuntaposx.tun");
  CHECK(parsed.kexts[3].bundle_id == "at.obdev.nke.LittleSnitch");
}

TEST_CASE("capture: empty kext captures") {
  CHECK(parse_loaded_kexts("").kexts.empty());
  CHECK(parse_loaded_kexts("").problems.empty());
  CHECK(parse_loaded_kexts("\n\r\n  \t\n").problems.empty());
  const auto header_only = parse_loaded_kexts(kKmutilCapture.substr(0, kKmutilCapture.find("    1 ")));
  CHECK(header_only.kexts.empty());
  CHECK(header_only.problems.empty());
}

TEST_CASE("capture: every prefix of a kext capture parses") {
  const std::string capture = kKmutilCapture +
                              "loaded kexts:\n@kext.AMDFramebuffer\t2.1.1\n>!AHV\t1\r\n"
                              "  144\t0 0xffffff7f80a2c000 0x7000 0x7000 net.sf.tuntaposx.tap (1.0) <7 5 4 1>\n";
  const auto whole = parse_loaded_kexts(capture);
  CHECK(whole.problems.empty());
  for (std::size_t length = 0; length <= capture.size(); ++length) {
    const auto parsed = parse_loaded_kexts(std::string_view(capture).substr(0, length));
    CHECK(parsed.kexts.size() <= whole.kexts.size());
    for (const auto& kext : parsed.kexts) CHECK_FALSE(kext.bundle_id.empty());
  }
}

TEST_CASE("capture: the real kextstat and panic samples in ../shared") {
  if (!have_references()) return;

  const auto haxm = parse_reference("panic-haxm-issue101-highsierra-littlesnitch.txt");
  CHECK(haxm.problems.empty());
  REQUIRE(find(haxm, "at.obdev.nke.LittleSnitch"));
  CHECK(find(haxm, "at.obdev.nke.LittleSnitch")->version == "4740");
  REQUIRE(find(haxm, "com.intel.kext.intelhaxm"));
  CHECK(find(haxm, "com.intel.kext.intelhaxm")->version == "7.3.0");
  CHECK(haxm.kexts.back().truncated);

  const auto satsmart = parse_reference("panic-satsmart-issue20-littlesnitch4050.txt");
  REQUIRE(find(satsmart, "at.obdev.nke.LittleSnitch"));
  CHECK(find(satsmart, "at.obdev.nke.LittleSnitch")->version == "4050");
  CHECK(satsmart.problems.empty());

  const auto intego = parse_reference("panic-macfuse-issue23-intego-parallels.txt");
  REQUIRE(find(intego, "com.intego.iokit.VBX6NKE"));
  CHECK(find(intego, "com.intego.iokit.VBX6NKE")->version == "8");
  REQUIRE(find(intego, "com.parallels.kext.prl_netbridge"));
  CHECK(find(intego, "com.parallels.kext.prl_netbridge")->version == "7.0 15052.710728");

  const auto mackeeper = parse_reference("panic-gfxcardstatus-issue302-mojave-mackeeper-firewall.txt");
  REQUIRE(find(mackeeper, "com.mackeeper.kext.Firewall"));
  CHECK(find(mackeeper, "com.mackeeper.kext.Firewall")->version == "2.15");
  CHECK(mackeeper.kexts.size() == 29);

  for (const char* name : {"panic-tunnelblick-issue431-highsierra-virtualbox.txt",
                           "panic-vscode-issue86913-catalina-virtualbox.txt"}) {
    const auto vbox = parse_reference(name);
    CHECK(vbox.problems.empty());
    REQUIRE(find(vbox, "org.virtualbox.kext.VBoxNetFlt"));
    CHECK_FALSE(find(vbox, "org.virtualbox.kext.VBoxNetFlt")->version.empty());
  }

  const auto tunnelblick = parse_reference("tunnelblick-issue575-highsierra-haxm-vbox-razer.txt");
  CHECK(tunnelblick.problems.empty());
  REQUIRE(tunnelblick.kexts.size() == 3);
  CHECK(tunnelblick.kexts[1].bundle_id == "org.virtualbox.kext.VBoxDrv");
  CHECK(tunnelblick.kexts[1].version == "5.2.22");
  CHECK(tunnelblick.kexts[2].truncated);

  const auto tuntap = parse_reference("macfuse-issue315-sierra-chunk-tuntaposx.txt");
  CHECK(tuntap.problems.empty());
  REQUIRE(find(tuntap, "net.sf.tuntaposx.tun"));
  CHECK_FALSE(find(tuntap, "net.sf.tuntaposx.tun")->truncated);
  CHECK(tuntap.kexts.back().bundle_id == "com.displaylink.driver.DisplayL");
  CHECK(tuntap.kexts.back().truncated);

  const auto nvidia = parse_reference("opticks-highsierra-nvidia-only-NEGATIVE.txt");
  CHECK(nvidia.problems.empty());
  REQUIRE(nvidia.kexts.size() == 4);
  CHECK(nvidia.kexts[3].bundle_id == "com.nvidia.CUDA");

  const auto kmutil = parse_reference("hacktricks-bigsur-kextstat-via-kmutil-apple-only.txt");
  CHECK(kmutil.kexts.size() == 8);
  REQUIRE(kmutil.problems.size() == 1);  // the "#Use kextstat ..." note above the command
  CHECK(kmutil.problems[0].line == 1);

  const auto policy = parse_reference("kextpolicy-sqlite-dump-symantec-highsierra.txt");
  CHECK(policy.kexts.empty());
  CHECK_FALSE(policy.problems.empty());
}

TEST_CASE("capture: every prefix of every real kext sample parses") {
  if (!have_references()) return;
  for (const auto& entry : std::filesystem::directory_iterator(nwaudit::test::shared_reference("kextstat"))) {
    const std::string text = nwaudit::test::slurp(entry.path().string());
    for (std::size_t length = 0; length <= text.size(); ++length) {
      parse_loaded_kexts(std::string_view(text).substr(0, length));
    }
  }
}

// The text_lines helpers these parsers added; text_lines_test.cpp belongs to someone else's change.
TEST_CASE("capture: integers, dotted names and echoed commands") {
  CHECK(parse_integer("42") == 42);
  CHECK(parse_integer("-7") == -7);
  CHECK_FALSE(parse_integer(""));
  CHECK_FALSE(parse_integer("4x"));
  CHECK_FALSE(parse_integer("99999999999999999999"));

  CHECK(is_dotted_name("com.apple.driver.ACPI_SMC_PlatformPlugin"));
  CHECK(is_dotted_name("io.tailscale.ipn.macsys.network-extension"));
  CHECK(is_dotted_name("kern.bootargs"));
  CHECK_FALSE(is_dotted_name("kextstat"));
  CHECK_FALSE(is_dotted_name("com..apple"));
  CHECK_FALSE(is_dotted_name("com.apple."));
  CHECK_FALSE(is_dotted_name("a|b.c"));

  CHECK(is_command_echo("kextstat", {"kextstat", "kmutil"}));
  CHECK(is_command_echo("sudo /usr/bin/kmutil showloaded", {"kextstat", "kmutil"}));
  CHECK(is_command_echo("mbp:~ jo$ kextstat | grep -v com.apple", {"kextstat"}));
  CHECK(is_command_echo("epsilon:opticks blyth$", {"kextstat"}));
  CHECK_FALSE(is_command_echo("kextstatistics", {"kextstat"}));
  CHECK_FALSE(is_command_echo("kern.bootargs: a$ b", {"sysctl"}));
  CHECK_FALSE(is_command_echo("sysctl: unknown oid 'kern.nx'", {"sysctl"}));
  CHECK_FALSE(is_command_echo("", {"sysctl"}));
}
