// A sysdiagnose read as the snapshot it stands for: detection, the captures it maps, what it never
// holds (blind spots, never "not found"), and what the two collector generations give.
#include <doctest/doctest.h>

#include "facts_support.h"
#include "nwaudit/audit/audit.h"
#include "nwaudit/facts/sysdiagnose_source.h"
#include "nwaudit/rules/knowledge.h"
#include "test_support.h"

using namespace nwaudit;
using nwaudit::test::FixtureFacts;
using nwaudit::test::TempDir;

namespace {

void write_minimal_sysdiagnose(const TempDir& tree, const std::string& top) {
  tree.write(top + "sw_vers.txt", "ProductName:\t\tmacOS\nProductVersion:\t\t15.5\nBuildVersion:\t\t24F74\n");
  tree.write(top + "network-info/ifconfig.txt", "lo0: flags=8049<UP,LOOPBACK,RUNNING,MULTICAST> mtu 16384 index 1\n");
}

std::unique_ptr<RootedSource> open_tree(const TempDir& tree) {
  auto source = RootedSource::open(tree.path().string());
  REQUIRE(source);
  return std::move(*source);
}

AuditResult audit_of(FixtureFacts& facts) {
  static const Knowledge knowledge = load_knowledge({std::string(NWAUDIT_FIXTURES) + "/../rules"});
  return run_audit(facts.facts().document(), knowledge.rules);
}

}  // namespace

TEST_CASE("sysdiagnose: found at the top, or in the one sysdiagnose_* folder, never in a Mac's own tree") {
  TempDir top;
  write_minimal_sysdiagnose(top, "");
  CHECK(find_sysdiagnose(*open_tree(top)) == std::string());

  TempDir parent;
  write_minimal_sysdiagnose(parent, "sysdiagnose_2026.01.02_03-04-05+0100_macOS_Mac15,3_24F74/");
  parent.write(".DS_Store", "");
  CHECK(find_sysdiagnose(*open_tree(parent)) == "/sysdiagnose_2026.01.02_03-04-05+0100_macOS_Mac15,3_24F74");

  TempDir two;
  write_minimal_sysdiagnose(two, "sysdiagnose_a/");
  write_minimal_sysdiagnose(two, "sysdiagnose_b/");
  CHECK_FALSE(find_sysdiagnose(*open_tree(two)));

  TempDir mac;
  write_minimal_sysdiagnose(mac, "");
  mac.write("System/Library/CoreServices/SystemVersion.plist", "<plist/>");
  CHECK_FALSE(find_sysdiagnose(*open_tree(mac)));

  TempDir no_network_info;
  no_network_info.write("sw_vers.txt", "ProductName: macOS\n");
  CHECK_FALSE(find_sysdiagnose(*open_tree(no_network_info)));
}

TEST_CASE("sysdiagnose: its files stand for the captures, and what it never holds is an error that says so") {
  TempDir tree;
  write_minimal_sysdiagnose(tree, "sysdiagnose_x/");
  tree.write("sysdiagnose_x/network-info/pf", "#\n# pfctl -s all\n#\n");
  const auto inner = open_tree(tree);
  const SysdiagnoseSource source(*inner, "/sysdiagnose_x");
  auto sw_vers = source.read_file("/.nwaudit/sw_vers.txt", 1000);
  REQUIRE(sw_vers);
  CHECK(sw_vers->find("24F74") != std::string::npos);
  CHECK(source.status("/.nwaudit/pfctl-all.txt"));  // the older script's name, pf.txt missing
  CHECK(source.status("/network-info/ifconfig.txt"));  // its own files stay where they are

  const auto missing = source.status("/.nwaudit/skywalkctl-flow.txt");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().kind == ErrorKind::not_found);
  CHECK(missing.error().path == "/.nwaudit/skywalkctl-flow.txt");
  CHECK(missing.error().reason.find("network-info/skywalk.txt") != std::string::npos);

  for (const char* never : {"/Library/Extensions", "/System/Library/Extensions/IOSkywalkFamily.kext/Contents/Info.plist",
                            "/Library/SystemExtensions/db.plist", "/Library/Preferences/com.apple.alf.plist",
                            "/Library/Preferences/com.apple.networkextension.plist",
                            "/Library/Preferences/SystemConfiguration/preferences.plist"}) {
    CAPTURE(never);
    const auto status = source.status(never);
    REQUIRE_FALSE(status);
    CHECK(status.error().kind == ErrorKind::wrong_type);
    CHECK(status.error().path == never);
    CHECK(status.error().reason.find("sysdiagnose") != std::string::npos);
    CHECK_FALSE(source.list_directory(never));
    CHECK_FALSE(source.open_file(never));
  }
  const auto etc = source.status("/etc/pf.conf");
  REQUIRE_FALSE(etc);
  CHECK(etc.error().kind == ErrorKind::not_found);
  CHECK(etc.error().path == "/etc/pf.conf");

  tree.write("sysdiagnose_x/network-info/preferences.plist", "<plist/>");
  CHECK(source.status("/Library/Preferences/SystemConfiguration/preferences.plist"));
  CHECK(source.description().find("sysdiagnose_x") != std::string::npos);
}

TEST_CASE("sysdiagnose: the get-network-info script's files give the OS build, the tunnel and the custom pf anchor") {
  FixtureFacts facts("sysdiagnose-sonoma-script");
  CHECK(facts.value("string(/facts/os/@build)") == "23F79");
  CHECK(facts.value("string(/facts/os/@source)") == "/.nwaudit/sw_vers.txt");
  CHECK(facts.count("/facts/interface[@name='utun3']/agent[@type='VPN']") == 1);
  CHECK(facts.count("/facts/interface[@name='en0'][@flowswitch-agent='true']") == 1);
  CHECK(facts.count("/facts/pf/anchor[@path='com.example.vpn'][@apple='false'][@from='loaded']") == 1);
  CHECK(facts.count("/facts/pf/anchor[@path='com.apple/250.ApplicationFirewall'][@apple='true']") == 1);
  CHECK(facts.count("/facts/pf/hook[@path='com.example.vpn'][@source='/.nwaudit/pfctl-all.txt']") == 1);
  CHECK(facts.count("/facts/pf/rule[@anchor='com.example.vpn'][@custom='true']") == 1);
  CHECK(facts.value("string(/facts/pf/@custom-anchors)") == "true");
  CHECK(facts.count("/facts/skywalk-flows[@user-space='3'][@kernel='2']") == 1);
  CHECK(facts.count("/facts/skywalk-flows/process[@name='Google Chrome He'][@user-space='1']") == 1);
  CHECK(facts.count("/facts/skywalk-flows/process[@name='apsd'][@user-space='1'][@kernel='1']") == 1);
  CHECK(facts.count("/facts/skywalk-flows/process[@name='Safari'][@kernel='1'][@user-space='0']") == 1);
  // What a sysdiagnose does not hold is a blind spot, each under its collector.
  for (const char* blind : {"kexts", "system-extensions", "firewall", "ne-configurations", "network-services"}) {
    CAPTURE(blind);
    CHECK(facts.count(("/facts/coverage/source[@collector='" + std::string(blind) + "'][@status='broken'][@problem='wrong-type']").c_str()) >= 1);
  }
  CHECK(facts.count("/facts/coverage/source[@path='/Library/Extensions'][contains(@reason, 'no kext bundles')]") == 1);
  // Captures the old way are not looked for when the per-anchor listing is there.
  CHECK(facts.count("/facts/coverage/source[@path='/.nwaudit/pfctl-anchors.txt']") == 0);
}

TEST_CASE("sysdiagnose: the newer collector's files, with their # command headers, read alike") {
  FixtureFacts facts("sysdiagnose-sequoia-collector");
  CHECK(facts.value("string(/facts/os/@build)") == "24F74");
  CHECK(facts.value("string(/facts/os/@version)") == "15.5");
  CHECK(facts.count("/facts/interface") == 4);
  CHECK(facts.count("/facts/coverage/source[@path='/.nwaudit/ifconfig-v.txt'][@status='read'][problem]") == 0);
  CHECK(facts.count("/facts/pf/anchor[@from='loaded']") == 3);
  CHECK(facts.count("/facts/pf/anchor[@apple='false']") == 0);
  CHECK(facts.value("string(/facts/pf/@custom-anchors)") == "false");
  CHECK(facts.count("/facts/coverage/source[@path='/.nwaudit/pfctl-all.txt'][@status='read'][problem]") == 0);
  CHECK(facts.count("/facts/skywalk-flows[@user-space='0'][@kernel='2']") == 1);
}

TEST_CASE("sysdiagnose: user-space flows are the kernel's word, over the pf anchor that predicts sockets") {
  FixtureFacts facts("sysdiagnose-sonoma-script");
  const AuditResult result = audit_of(facts);
  CHECK(result.verdict.basis == VerdictBasis::kernel);
  CHECK(result.verdict.contradicted);
  CHECK(result.verdict.contradiction.find("skywalkctl flow: 3 user-space flows (apsd, nsurlsessiond and 1 more)") != std::string::npos);
  bool pf_contradicted = false;
  for (const Finding& finding : result.findings) {
    if (finding.rule->effect == Effect::all_connections) {
      CHECK(finding.contradicted_by == "kernel");
      pf_contradicted = pf_contradicted || finding.rule->id.find("PF") != std::string::npos;
    }
  }
  CHECK(pf_contradicted);
  CHECK(result.verdict.path != NetworkPath::sockets);
}

TEST_CASE("sysdiagnose: kernel flows and no user-space flow leave 'nothing found' unknown, with the flows said") {
  FixtureFacts facts("sysdiagnose-sequoia-collector");
  const AuditResult result = audit_of(facts);
  CHECK(result.verdict.path == NetworkPath::unknown);
  CHECK(result.verdict.confidence == Confidence::low);
  CHECK(result.verdict.summary.find("0 user-space flows, 2 kernel flows") != std::string::npos);
  CHECK_FALSE(result.verdict.blind_spots.empty());
}

TEST_CASE("sysdiagnose: a snapshot that finds nothing, with no user-space flow in its flow table, is unknown") {
  TempDir tree;
  tree.write("System/Library/CoreServices/SystemVersion.plist",
             "<?xml version=\"1.0\"?><plist version=\"1.0\"><dict><key>ProductName</key><string>macOS</string>"
             "<key>ProductVersion</key><string>14.5</string><key>ProductBuildVersion</key><string>23F79</string>"
             "</dict></plist>");
  tree.write(".nwaudit/skywalkctl-flow.txt",
             "Proto Local Remote InBytes OutBytes InPkts OutPkts SvC State Process\n"
             "tcp4 192.0.2.1.5 192.0.2.2.443 0 0 0/0 0/0 BE (kernel flow) kernel_task.0(Safari.411)\n");
  FixtureFacts facts(tree.path());
  const AuditResult result = audit_of(facts);
  CHECK(result.verdict.path != NetworkPath::user_space);
}
