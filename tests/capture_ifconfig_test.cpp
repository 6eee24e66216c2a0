#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "nwaudit/capture/ifconfig_capture.h"
#include "test_support.h"

using namespace nwaudit::capture;

namespace {

std::string sonoma() { return nwaudit::test::fixture("captures/ifconfig-v-sonoma.txt"); }

const IfconfigInterface& interface(const IfconfigCapture& capture, std::string_view name) {
  const auto found = std::find_if(capture.interfaces.begin(), capture.interfaces.end(),
                                  [&](const IfconfigInterface& i) { return i.name == name; });
  REQUIRE_MESSAGE(found != capture.interfaces.end(), name);
  return *found;
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// Everything parse_ifconfig collects about an interface, to compare two parses.
std::string summary(const IfconfigInterface& i) {
  std::string text = i.name + " mtu=" + std::to_string(i.mtu.value_or(0)) + " type=" + i.type + " status=" + i.status +
                     " bridge=" + i.member_of_bridge;
  for (const auto& agent : i.agents) text += " agent=" + agent.domain + "/" + agent.type + "/" + std::to_string(agent.flags);
  for (const auto& member : i.bridge_members) text += " member=" + member;
  for (const auto& address : i.inet) text += " inet=" + address;
  for (const auto& address : i.inet6) text += " inet6=" + address;
  for (bool b : {i.has_flowswitch, i.skywalk_flowswitch_agent, i.nexus_provider, i.txstart, i.native,
                 i.channel_io, i.no_auto_nexus, i.legacy, i.allocated_by_kpi, i.low_latency, i.carries_default_route}) {
    text += b ? '1' : '0';
  }
  return text;
}

std::string summary(const IfconfigCapture& capture) {
  std::string text;
  for (const auto& i : capture.interfaces) text += summary(i) + "\n";
  return text;
}

// Wi-Fi on Apple silicon, as pasted from a web page that turned the tabs into spaces.
constexpr const char* kWifi = R"(en0: flags=8863<UP,BROADCAST,SMART,RUNNING,SIMPLEX,MULTICAST> mtu 1500 index 11
        eflags=452008d0<ADV_REPORT,ACCEPT_RTADV,TXSTART,ARPLL,NOACKPRI,ECN_ENABLE,CHANNEL_DRV,FASTLN_ON>
        options=6460<TSO4,TSO6,CHANNEL_IO,PARTIAL_CSUM,ZEROINVERT_CSUM>
        ether a4:83:e7:2c:51:9d
        inet6 fe80::1c8a:4d2e:9b70:5f13%en0 prefixlen 64 secured scopeid 0xb
        inet 192.168.1.42 netmask 0xffffff00 broadcast 192.168.1.255
        netif: 3D8F1A6C-E047-4B92-A5C3-8E6D2F71094B
        flowswitch: 0B6E4D28-7F13-4A9C-B250-C1E83D5A76F9
        media: autoselect
        status: active
        type: Wi-Fi
        agent domain:Skywalk type:NetIf flags:0xa443 desc:"Userspace Networking"
        agent domain:Skywalk type:FlowSwitch flags:0x4483 desc:"Userspace Networking"
        scheduler: FQ_CODEL (driver managed)
)";

// Thunderbolt ports in the Thunderbolt Bridge: the bridge removed their FlowSwitch agents.
constexpr const char* kBridge = R"(en1: flags=8963<UP,BROADCAST,SMART,RUNNING,PROMISC,SIMPLEX,MULTICAST> mtu 1500 index 7
        eflags=1000080<TXSTART,ECN_ENABLE>
        options=460<TSO4,TSO6,CHANNEL_IO>
        netif: 1C7A9E42-6B3D-4F18-9A05-E2D48C71B6F0
        flowswitch: 7F2B5D93-0E4A-4C61-B8D7-3A9C6E15F240
        type: IP over Thunderbolt
        agent domain:Skywalk type:NetIf flags:0xa443 desc:"Userspace Networking"
en2: flags=8963<UP,BROADCAST,SMART,RUNNING,PROMISC,SIMPLEX,MULTICAST> mtu 1500 index 8
        eflags=1000080<TXSTART,ECN_ENABLE>
        options=460<TSO4,TSO6,CHANNEL_IO>
bridge0: flags=8863<UP,BROADCAST,SMART,RUNNING,SIMPLEX,MULTICAST> mtu 1500 index 9
        eflags=1000000<ECN_ENABLE>
        Configuration:
                ipfilter disabled flags 0x0
        member: en1 flags=3<LEARNING,DISCOVER>
                ifmaxaddr 0 port 7 priority 0 path cost 0
        member: en2 flags=3<LEARNING,DISCOVER>
                ifmaxaddr 0 port 8 priority 0 path cost 0
        status: inactive
)";

// A tap interface from a kernel extension (ifnet_allocate): legacy TX model, no netif.
constexpr const char* kLegacyTap = R"(tap0: flags=8842<BROADCAST,RUNNING,SIMPLEX,MULTICAST> mtu 1500 index 18
        eflags=1000000<ECN_ENABLE>
        xflags=4c<NOAUTONX,LEGACY,ALLOCKPI>
        ether 9a:4c:12:7e:05:b3
        status: active
        type: Ethernet
)";

// A system utun: no netif, and its only agent is not Skywalk's although it has flag 0x80.
constexpr const char* kUtun = R"(utun0: flags=8051<UP,POINTOPOINT,RUNNING,MULTICAST> mtu 1380 index 14
        eflags=1002080<TXSTART,NOAUTOIPV6LL,ECN_ENABLE>
        xflags=4<NOAUTONX>
        inet6 fe80::9e6b:2f41:5c0d:83a7%utun0 prefixlen 64 scopeid 0xe
        agent domain:ids501 type:clientchannel flags:0xd3 desc:"IDSNexusAgent ids501 : clientchannel"
        scheduler: FQ_CODEL
)";

}  // namespace

TEST_CASE("capture: flag words as ifconfig prints them") {
  auto bits = parse_flag_bits("8863<UP,BROADCAST,SMART,RUNNING,SIMPLEX,MULTICAST>");
  REQUIRE(bits);
  CHECK(bits->value == 0x8863);
  CHECK(bits->names.size() == 6);
  CHECK(bits->has("SMART"));
  CHECK_FALSE(bits->has("SMAR"));
  CHECK(parse_flag_bits("0<>")->names.empty());
  CHECK(parse_flag_bits("0x4483")->value == 0x4483);
  CHECK(parse_flag_bits("452008d0<TXSTART>")->value == 0x452008d0);
  CHECK_FALSE(parse_flag_bits(""));
  CHECK_FALSE(parse_flag_bits("<UP>"));
  CHECK_FALSE(parse_flag_bits("zz<UP>"));
  CHECK_FALSE(parse_flag_bits("-1<UP>"));
  CHECK_FALSE(parse_flag_bits("80<TXSTART"));  // cut off
  CHECK_FALSE(parse_flag_bits("80<TXSTART>x"));
  CHECK(parse_hex("ffffffffffffffff") == 0xffffffffffffffffULL);
  CHECK_FALSE(parse_hex("1ffffffffffffffff"));
  CHECK_FALSE(parse_hex("0x"));
}

TEST_CASE("capture: ifconfig -v of a whole Sonoma Mac") {
  const auto capture = parse_ifconfig(sonoma());
  CHECK(capture.problems.empty());
  std::vector<std::string> names;
  for (const auto& i : capture.interfaces) names.push_back(i.name);
  CHECK(names == std::vector<std::string>{"lo0", "gif0", "stf0", "anpi0", "en1", "en2", "bridge0", "ap1", "en0", "awdl0",
                                          "llw0", "utun0", "utun1", "utun2", "utun3", "tap0", "vmenet0", "bridge100"});

  const auto& en0 = interface(capture, "en0");
  CHECK(en0.mtu == 1500u);
  CHECK(en0.type == "Wi-Fi");
  REQUIRE(en0.agents.size() == 3);
  CHECK(en0.agents[1].domain == "Skywalk");
  CHECK(en0.agents[1].type == "FlowSwitch");
  CHECK(en0.agents[1].flags == 0x4483u);
  CHECK(en0.agents[1].description == "Userspace Networking");
  CHECK(en0.agents[2].description == "WiFi");
  CHECK(en0.status == "active");
  CHECK(en0.inet == std::vector<std::string>{"192.168.1.42"});
  CHECK(en0.inet6.size() == 3);
  CHECK(en0.inet6[0] == "fe80::1c8a:4d2e:9b70:5f13%en0");
  CHECK(en0.has_flowswitch);
  CHECK(en0.skywalk_flowswitch_agent);
  CHECK(en0.nexus_provider);
  CHECK(en0.txstart);
  CHECK(en0.native);
  CHECK(en0.channel_io);
  CHECK(en0.carries_default_route);
  CHECK(en0.member_of_bridge.empty());
  for (const auto& other : capture.interfaces) CHECK(other.carries_default_route == (other.name == "en0"));

  CHECK(interface(capture, "lo0").inet6 == std::vector<std::string>{"::1", "fe80::1%lo0"});
  CHECK(interface(capture, "utun3").inet == std::vector<std::string>{"10.8.0.6"});
  CHECK(interface(capture, "bridge0").bridge_members == std::vector<std::string>{"en1", "en2"});
  CHECK(interface(capture, "bridge100").bridge_members == std::vector<std::string>{"vmenet0"});
  CHECK(interface(capture, "vmenet0").member_of_bridge == "bridge100");
}

TEST_CASE("capture: ifconfig derived booleans for each kind of interface") {
  const auto capture = parse_ifconfig(sonoma());
  struct Expected {
    const char* name;
    bool flowswitch, agent, provider, txstart, native;
    const char* bridge;
  };
  const Expected expected[] = {
      {"lo0", false, false, false, false, false, ""},   {"anpi0", true, true, true, true, false, ""},
      {"en1", true, false, false, true, false, "bridge0"}, {"en2", false, false, false, true, false, "bridge0"},
      {"bridge0", false, false, false, false, false, ""}, {"ap1", true, true, true, true, true, ""},
      {"en0", true, true, true, true, true, ""},         {"awdl0", true, true, true, true, true, ""},
      {"llw0", false, false, false, true, true, ""},     {"utun0", false, false, false, true, false, ""},
      {"utun3", false, false, false, true, false, ""},   {"tap0", false, false, false, false, false, ""},
      {"vmenet0", false, false, false, true, false, "bridge100"},
  };
  for (const auto& e : expected) {
    const std::string name = e.name;
    CAPTURE(name);
    const auto& i = interface(capture, name);
    CHECK(i.has_flowswitch == e.flowswitch);
    CHECK(i.skywalk_flowswitch_agent == e.agent);
    CHECK(i.nexus_provider == e.provider);
    CHECK(i.txstart == e.txstart);
    CHECK(i.native == e.native);
    CHECK(i.member_of_bridge == e.bridge);
    CHECK(i.carries_default_route == (i.name == "en0"));
  }
  const auto& tap0 = interface(capture, "tap0");
  CHECK(tap0.legacy);
  CHECK(tap0.allocated_by_kpi);
  CHECK(tap0.no_auto_nexus);
  CHECK_FALSE(tap0.channel_io);
  CHECK(interface(capture, "llw0").low_latency);
  CHECK_FALSE(interface(capture, "en0").low_latency);
  CHECK(interface(capture, "utun0").agents.at(0).flags == 0xd3u);  // 0x80 set, yet not Skywalk's agent
}

TEST_CASE("capture: ifconfig blocks written in the tests") {
  const auto wifi = parse_ifconfig(kWifi);
  CHECK(wifi.problems.empty());
  REQUIRE(wifi.interfaces.size() == 1);
  CHECK(wifi.interfaces[0].nexus_provider);
  CHECK(wifi.interfaces[0].native);
  CHECK_FALSE(wifi.interfaces[0].carries_default_route);

  const auto bridge = parse_ifconfig(kBridge);
  CHECK(bridge.problems.empty());
  CHECK(interface(bridge, "en1").has_flowswitch);
  CHECK_FALSE(interface(bridge, "en1").skywalk_flowswitch_agent);
  CHECK(interface(bridge, "en1").member_of_bridge == "bridge0");
  CHECK(interface(bridge, "en2").member_of_bridge == "bridge0");
  CHECK(interface(bridge, "bridge0").status == "inactive");

  const auto tap = parse_ifconfig(kLegacyTap);
  CHECK(tap.interfaces.at(0).legacy);
  CHECK(tap.interfaces.at(0).allocated_by_kpi);
  CHECK_FALSE(tap.interfaces.at(0).txstart);

  const auto utun = parse_ifconfig(kUtun);
  CHECK(utun.interfaces.at(0).agents.size() == 1);
  CHECK_FALSE(utun.interfaces.at(0).nexus_provider);
  CHECK(utun.interfaces.at(0).no_auto_nexus);

  // A bit counts without its name (an older ifconfig), and a name without its bit.
  const auto unnamed = parse_ifconfig("en5: flags=8863<UP> mtu 1500 index 5\n\teflags=4000080<>\n\txflags=8<LEGACY>\n");
  CHECK(unnamed.interfaces.at(0).txstart);
  CHECK(unnamed.interfaces.at(0).native);
  CHECK(unnamed.interfaces.at(0).legacy);
  CHECK(parse_ifconfig("en5: flags=8863<UP> mtu 1500\n\teflags=0<TXSTART>\n").interfaces.at(0).txstart);
}

TEST_CASE("capture: ifconfig with spaces for tabs, CRLF and pasted prompts reads the same") {
  const std::string original = sonoma();
  const std::string expected = summary(parse_ifconfig(original));
  CHECK(summary(parse_ifconfig(replace_all(original, "\t", "    "))) == expected);
  CHECK(summary(parse_ifconfig(replace_all(original, "\n", "\r\n"))) == expected);
  CHECK(summary(parse_ifconfig("\xEF\xBB\xBF% ifconfig -v\n" + original)) == expected);
  CHECK(summary(parse_ifconfig("Mac:~ user$ ifconfig -v\n\n" + original)) == expected);
  CHECK(summary(parse_ifconfig("ifconfig -v\n" + original)) == expected);
  CHECK(summary(parse_ifconfig(replace_all(original, "user@MacBook-Pro ~ % route", "route"))) == expected);
  // The route block may come first.
  const auto route_at = original.find("user@MacBook-Pro ~ % route");
  const std::string route_first = original.substr(route_at) + original.substr(0, route_at);
  CHECK(summary(parse_ifconfig(route_first)) == expected);
}

TEST_CASE("capture: ifconfig without -v, -vv types, and routes to other destinations") {
  const auto plain = parse_ifconfig(
      "en0: flags=8863<UP,BROADCAST,SMART,RUNNING,SIMPLEX,MULTICAST> mtu 1500\n"
      "\toptions=6460<TSO4,TSO6,CHANNEL_IO,PARTIAL_CSUM,ZEROINVERT_CSUM>\n"
      "\tether a4:83:e7:2c:51:9d\n\tstatus: active\n");
  CHECK(plain.problems.empty());
  const auto& en0 = plain.interfaces.at(0);
  CHECK_FALSE(en0.txstart);
  CHECK(en0.channel_io);

  const auto very_verbose = parse_ifconfig(
      "en0: flags=8863<UP> mtu 1500 rtref 4 index 11 constrained\n\ttype: Wi-Fi (0x6) family: 2 subfamily: 3\n"
      "\tfunctional type: wifi_infra\n"
      "gif0: flags=8010<POINTOPOINT,MULTICAST> metric 1 mtu 1280 index 2\n\ttype: 0x37 family: 0 subfamily: 0\n");
  CHECK(very_verbose.problems.empty());
  CHECK(interface(very_verbose, "en0").type == "Wi-Fi");
  CHECK(interface(very_verbose, "en0").mtu == 1500u);
  CHECK(interface(very_verbose, "gif0").type == "0x37");
  CHECK(interface(very_verbose, "gif0").mtu == 1280u);

  const auto carries_default_route = [](const std::string& route) {
    return parse_ifconfig("en7: flags=8863<UP> mtu 1500\n" + route).interfaces.at(0).carries_default_route;
  };
  CHECK(carries_default_route(
      "   route to: 1.1.1.1\ndestination: default\n       mask: default\n    gateway: 10.0.0.1\n  interface: en7\n"));
  CHECK_FALSE(carries_default_route("   route to: 10.0.0.9\ndestination: 10.0.0.0\n  interface: en7\n"));
  // "interface:" outside a route block is not a route.
  CHECK_FALSE(carries_default_route("\tinterface: en7\n"));
}

TEST_CASE("capture: ifconfig lines that look broken are problems, and parsing goes on") {
  const auto capture = parse_ifconfig(
      "\tstatus: active\n"                                          // 1: no header yet
      "en0: flags=zz<UP> mtu 15x0 index 11\n"                       // 2: bad mtu (flags= is not read)
      "\teflags=80<TXSTART\n"                                       // 3: list not closed
      "\tnetif: not-a-uuid\n"                                       // 4
      "\tflowswitch: 0B6E4D28-7F13-4A9C-B250-C1E83D5A76F9 extra\n"  // 5
      "\tagent domain:Skywalk type:FlowSwitch flags:0xzz desc:\"x\"\n"  // 6
      "\tagent domain:Skywalk\n"                                    // 7
      "\tmember: \n"                                                // 8
      "}}} garbage ~~~\n"                                           // ignored, as unknown lines are
      "\tsomething ifconfig may print one day: 42\n"
      "\tstatus: active\n"
      "en1: flags=8863<UP> mtu\n");                                 // 12: mtu without a number
  std::vector<std::size_t> lines;
  for (const auto& problem : capture.problems) lines.push_back(problem.line);
  CHECK(lines == std::vector<std::size_t>{1, 2, 3, 4, 5, 6, 7, 8, 12});
  REQUIRE(capture.interfaces.size() == 2);
  const auto& en0 = capture.interfaces[0];
  CHECK_FALSE(en0.mtu);
  CHECK_FALSE(en0.txstart);
  CHECK_FALSE(en0.has_flowswitch);
  CHECK(en0.agents.empty());
  CHECK(en0.status == "active");
  CHECK(capture.interfaces[1].name == "en1");
  CHECK_FALSE(capture.interfaces[1].mtu);
  for (const auto& problem : capture.problems) CHECK_FALSE(problem.reason.empty());
}

TEST_CASE("capture: ifconfig empty input, a truncated last line and every prefix of a capture") {
  CHECK(parse_ifconfig("").interfaces.empty());
  CHECK(parse_ifconfig("").problems.empty());
  CHECK(parse_ifconfig("\n\r\n  \t\n").interfaces.empty());

  const auto cut_agent = parse_ifconfig(std::string(kWifi).substr(0, std::string(kWifi).find("FlowSwitch flags") + 4));
  REQUIRE(cut_agent.problems.size() == 1);
  CHECK(cut_agent.problems[0].line == 13);
  CHECK(cut_agent.interfaces.at(0).agents.size() == 1);

  // A prefix cuts at most its last line, so only that line can be a problem.
  const std::string full = sonoma();
  for (std::size_t size = 0; size <= full.size(); ++size) {
    const std::string_view prefix = std::string_view(full).substr(0, size);
    const auto capture = parse_ifconfig(prefix);
    const auto last_line = static_cast<std::size_t>(std::count(prefix.begin(), prefix.end(), '\n')) + 1;
    for (const auto& problem : capture.problems) {
      CAPTURE(size);
      CHECK(problem.line == last_line);
      CHECK_FALSE(prefix.ends_with('\n'));
    }
  }
}
