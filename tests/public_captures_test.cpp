// Real command output pasted by people on real Macs (tests/public_captures/README.md says where
// each comes from), read by the parsers nwaudit uses on a snapshot, and then audited inside a
// fixture Mac: what nwaudit must conclude from them.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "facts_support.h"
#include "nwaudit/audit/audit.h"
#include "nwaudit/capture/ifconfig_capture.h"
#include "nwaudit/capture/pf_capture.h"
#include "nwaudit/capture/pfctl_command_anchor.h"
#include "planted_mac.h"

using namespace nwaudit;

namespace {

std::string public_capture(const std::string& relative) {
  return test::slurp(std::string(NWAUDIT_FIXTURES) + "/../tests/public_captures/" + relative);
}

// What `pfctl -s rules` of the capture holds, read in the anchor its command line names.
capture::PfRuleset read_rules(const std::string& relative) {
  const std::string text = public_capture(relative);
  return capture::parse_pfctl_rules(text, capture::pfctl_command_anchor(text));
}

bool all_apple(const capture::PfRuleset& ruleset) {
  return std::all_of(ruleset.anchors.begin(), ruleset.anchors.end(),
                     [](const capture::PfAnchorHook& hook) { return hook.apple; });
}

const capture::IfconfigInterface& interface_named(const capture::IfconfigCapture& capture, const std::string& name) {
  const auto found = std::find_if(capture.interfaces.begin(), capture.interfaces.end(),
                                  [&](const capture::IfconfigInterface& interface) { return interface.name == name; });
  REQUIRE_MESSAGE(found != capture.interfaces.end(), "no interface " << name);
  return *found;
}

// A healthy macOS 14 fixture Mac (its kernel state says user space) with the captures given in
// place of its own; `kernel_state` false removes the captured sysctl values.
struct AuditedMac {
  test::PlantedMac mac{"sonoma-leftovers"};
  AuditResult result;

  AuditedMac(const std::vector<std::pair<std::string, std::string>>& captures, bool kernel_state) {
    if (!kernel_state) mac.remove("/.nwaudit/sysctl.txt");
    for (const auto& [name, relative] : captures) mac.write("/.nwaudit/" + name, public_capture(relative));
    test::FixtureFacts facts(mac.root());
    static const Knowledge knowledge = load_knowledge({std::string(NWAUDIT_FIXTURES) + "/../rules"});
    REQUIRE(knowledge.problems.empty());
    result = run_audit(facts.facts().document(), knowledge.rules);
    facts_xml = facts.facts().to_xml();
  }

  const Finding* finding(const std::string& rule) const {
    for (const Finding& finding : result.findings) {
      if (finding.rule->id == rule) return &finding;
    }
    return nullptr;
  }
  bool is_cause(const std::string& rule) const {
    return std::any_of(result.verdict.causes.begin(), result.verdict.causes.end(),
                       [&](std::size_t index) { return result.findings[index].rule->id == rule; });
  }

  std::string facts_xml;
};

}  // namespace

TEST_CASE("public pf captures: a listing made inside com.apple names Apple's sub-anchors, never custom ones") {
  SUBCASE("pfctl -a com.apple -s rules (OS X 10.10): the two hooks of /etc/pf.anchors/com.apple") {
    const capture::PfRuleset rules = read_rules("pf/shawfdong-pfctl-a-com.apple-s-rules.txt");
    CHECK(rules.problems.empty());
    REQUIRE(rules.anchors.size() == 2);
    CHECK(rules.anchors[0].path == "com.apple/200.AirDrop");
    CHECK(rules.anchors[1].path == "com.apple/250.ApplicationFirewall");
    CHECK(all_apple(rules));
  }
  SUBCASE("the same listing pasted without its command line is still read as made in com.apple") {
    AuditedMac audited({{"pfctl-rules.txt", "pf/shawfdong-pfctl-a-com.apple-s-rules.txt"}}, false);
    CHECK(audited.finding("NWA-PF-CUSTOM") == nullptr);
  }
  SUBCASE("pfctl -a 'com.apple/*' -sr: Apple's pfctl prints \"*\" for each child and fails inside its braces") {
    const capture::PfRuleset rules = read_rules("pf/shawfdong-pfctl-a-com.apple-wildcard-sr.txt");
    REQUIRE(rules.anchors.size() == 2);
    CHECK(all_apple(rules));  // read as custom anchors "com.apple/*" before the command anchor dropped its "/*"
    CHECK(rules.rules.empty());
    CHECK(rules.problems.size() == 2);  // the listing failed, and says so
    AuditedMac audited({{"pfctl-rules.txt", "pf/shawfdong-pfctl-a-com.apple-wildcard-sr.txt"}}, false);
    CHECK(audited.finding("NWA-PF-CUSTOM") == nullptr);
  }
  SUBCASE("pfctl -a com.apple/200.AirDrop/Bonjour -sr: rules inside Apple's anchor are not custom rules") {
    const capture::PfRuleset rules = read_rules("pf/shawfdong-pfctl-a-bonjour-sr.txt");
    CHECK(rules.problems.empty());
    CHECK(rules.rules.size() == 2);
    CHECK(capture::is_apple_anchor("com.apple/200.AirDrop/Bonjour"));
    AuditedMac audited({{"pfctl-rules.txt", "pf/shawfdong-pfctl-a-bonjour-sr.txt"}}, false);
    CHECK(audited.finding("NWA-PF-CUSTOM") == nullptr);
  }
  SUBCASE("pfctl -a com.apple/dev.dory -sn: a vendor's anchor under com.apple is custom to the kernel") {
    const capture::PfRuleset rules = read_rules("pf/dory-issue12-pfctl-a-sn.txt");
    CHECK(rules.problems.empty());
    CHECK(rules.rules.size() == 2);
    CHECK_FALSE(capture::is_apple_anchor("com.apple/dev.dory"));
    AuditedMac audited({{"pfctl-rules.txt", "pf/dory-issue12-pfctl-a-sn.txt"}}, false);
    REQUIRE(audited.finding("NWA-PF-CUSTOM") != nullptr);
    CHECK(audited.is_cause("NWA-PF-CUSTOM"));
  }
}

TEST_CASE("public pf captures: pfctl -v -s Anchors lists only Apple's anchors on a stock Mac") {
  const capture::PfAnchors anchors = capture::parse_pfctl_anchors(public_capture("pf/shawfdong-pfctl-v-s-anchors.txt"));
  CHECK(anchors.problems.empty());
  REQUIRE(anchors.anchors.size() == 4);
  CHECK(anchors.anchors[2].path == "com.apple/200.AirDrop/Bonjour");
  CHECK(std::all_of(anchors.anchors.begin(), anchors.anchors.end(),
                    [](const capture::PfAnchorPath& anchor) { return anchor.apple; }));
  AuditedMac audited({{"pfctl-anchors.txt", "pf/shawfdong-pfctl-v-s-anchors.txt"}}, false);
  CHECK(audited.finding("NWA-PF-CUSTOM") == nullptr);
}

TEST_CASE("public pf captures: the main ruleset, before and after a tool adds its anchors (macOS 15 beta)") {
  SUBCASE("before: Apple's hooks and Internet Sharing's, with pfctl's ALTQ notes pasted above them") {
    const capture::PfRuleset rules = read_rules("pf/sshuttle-issue975-pfctl-sr-before.txt");
    CHECK(rules.problems.empty());
    CHECK(rules.anchors.size() == 4);
    CHECK(all_apple(rules));
    AuditedMac audited({{"pfctl-rules.txt", "pf/sshuttle-issue975-pfctl-sr-before.txt"}}, false);
    CHECK(audited.finding("NWA-PF-CUSTOM") == nullptr);
  }
  SUBCASE("after: two top-level anchors of sshuttle's, custom to the kernel") {
    const capture::PfRuleset rules = read_rules("pf/sshuttle-issue975-pfctl-sr-after.txt");
    CHECK(rules.problems.empty());
    REQUIRE(rules.anchors.size() == 6);
    CHECK(rules.anchors[4].path == "sshuttle6-12300");
    CHECK_FALSE(rules.anchors[4].apple);
    CHECK_FALSE(rules.anchors[5].apple);
    AuditedMac audited({{"pfctl-rules.txt", "pf/sshuttle-issue975-pfctl-sr-after.txt"}}, false);
    CHECK(audited.is_cause("NWA-PF-CUSTOM"));
    CHECK(audited.result.verdict.path == NetworkPath::sockets);
  }
  SUBCASE("plain rules in the main ruleset (OS X 10.10, a pf.conf of one's own) are custom rules") {
    const capture::PfRuleset rules = read_rules("pf/shawfdong-pfctl-s-rules-custom.txt");
    CHECK(rules.problems.empty());
    CHECK(rules.rules.size() == 2);
    CHECK(all_apple(rules));
    AuditedMac audited({{"pfctl-rules.txt", "pf/shawfdong-pfctl-s-rules-custom.txt"}}, false);
    CHECK(audited.is_cause("NWA-PF-CUSTOM"));
  }
}

TEST_CASE("public pf captures: the kernel's captured state outranks what the pf capture predicts") {
  // The fixture Mac's sysctl capture says net.filter_state is empty and enable_netagent is 1: the
  // kernel counted no custom pf configuration at that moment, whatever the pf capture shows.
  AuditedMac audited({{"pfctl-rules.txt", "pf/sshuttle-issue975-pfctl-sr-after.txt"}}, true);
  const Finding* pf = audited.finding("NWA-PF-CUSTOM");
  REQUIRE(pf != nullptr);
  CHECK(pf->contradicted_by == "kernel");
  CHECK_FALSE(audited.is_cause("NWA-PF-CUSTOM"));
  CHECK(audited.result.verdict.contradicted);
  CHECK(audited.result.verdict.path == NetworkPath::user_space);
}

TEST_CASE("public ifconfig captures: native and compat netifs as ifconfig -v shows them") {
  const capture::IfconfigCapture capture = capture::parse_ifconfig(public_capture("ifconfig/iproute2mac-issue56-ifconfig-a-v.txt"));
  CHECK(capture.problems.empty());
  REQUIRE(capture.interfaces.size() == 3);

  const capture::IfconfigInterface& wifi = interface_named(capture, "en0");
  CHECK(wifi.verbose);
  CHECK(wifi.type == "Wi-Fi");
  CHECK(wifi.native);  // CHANNEL_DRV: a native Skywalk driver
  CHECK(wifi.txstart);
  CHECK(wifi.channel_io);
  CHECK(wifi.has_netif);
  CHECK(wifi.has_flowswitch);
  CHECK(wifi.skywalk_flowswitch_agent);
  CHECK(wifi.nexus_provider);  // flags 0x4483
  CHECK(wifi.status == "active");

  // IP over Thunderbolt: a driver without Skywalk support wrapped in a compat netif (TXSTART, no
  // CHANNEL_DRV), and no flowswitch: the interface is a Thunderbolt Bridge member.
  const capture::IfconfigInterface& thunderbolt = interface_named(capture, "en2");
  CHECK(thunderbolt.verbose);
  CHECK(thunderbolt.txstart);
  CHECK_FALSE(thunderbolt.native);
  CHECK(thunderbolt.channel_io);
  CHECK(thunderbolt.has_netif);
  CHECK_FALSE(thunderbolt.has_flowswitch);
  CHECK_FALSE(thunderbolt.skywalk_flowswitch_agent);
  REQUIRE(thunderbolt.agents.size() == 1);
  CHECK(thunderbolt.agents[0].type == "NetIf");

  const capture::IfconfigInterface& loopback = interface_named(capture, "lo0");
  CHECK(loopback.no_auto_nexus);
  CHECK_FALSE(loopback.has_netif);
}

TEST_CASE("public ifconfig captures: plain ifconfig says nothing about the transmit model or the flowswitch") {
  SUBCASE("an active 10 Gb Ethernet over Thunderbolt, macOS 12.3, pasted from plain ifconfig") {
    const capture::IfconfigCapture capture = capture::parse_ifconfig(public_capture("ifconfig/ntopng-issue6453-ifconfig-en6.txt"));
    REQUIRE(capture.interfaces.size() == 1);
    CHECK_FALSE(capture.interfaces[0].verbose);
    CHECK(capture.interfaces[0].channel_io);  // options are printed without -v
    CHECK(capture.problems.empty());

    // Read as -v output, its missing eflags would be "no TXSTART" and NWA-IF-LEGACY-TX would
    // blame a driver nothing is known about. The capture's coverage entry says what is missing.
    AuditedMac audited({{"ifconfig-v.txt", "ifconfig/ntopng-issue6453-ifconfig-en6.txt"}}, false);
    CHECK(audited.finding("NWA-IF-LEGACY-TX") == nullptr);
    CHECK(audited.facts_xml.find("without -v") != std::string::npos);
    CHECK(audited.facts_xml.find("txstart=") == std::string::npos);
  }
  SUBCASE("an Intel Mac mini (2018) whose built-in Ethernet has a netif: CHANNEL_IO in its options") {
    const capture::IfconfigCapture capture = capture::parse_ifconfig(public_capture("ifconfig/libnet-issue105-ifconfig-en0.txt"));
    REQUIRE(capture.interfaces.size() == 1);
    CHECK_FALSE(capture.interfaces[0].verbose);
    CHECK(capture.interfaces[0].channel_io);
    CHECK(capture.interfaces[0].status == "inactive");
  }
  SUBCASE("an Intel MacBook Pro's built-in Wi-Fi, late 2020: a netif as well") {
    const capture::IfconfigCapture capture = capture::parse_ifconfig(public_capture("ifconfig/nonocast-issue129-ifconfig-en0.txt"));
    REQUIRE(capture.interfaces.size() == 1);
    CHECK_FALSE(capture.interfaces[0].verbose);
    CHECK(capture.interfaces[0].channel_io);
    CHECK(capture.interfaces[0].status == "active");
    CHECK(capture.interfaces[0].inet == std::vector<std::string>{"192.0.2.27"});
  }
}
