#include <algorithm>
#include <cctype>
#include <string>

#include "nwaudit/capture/ifconfig_capture.h"
#include "collector_registry.h"
#include "collector_support.h"
#include "nwaudit/facts/collectors.h"

namespace nwaudit {
namespace {

constexpr const char* kCollector = "interfaces";

// "utun3" -> "utun", "en0" -> "en": the driver family the name prefix stands for.
std::string family_of(std::string_view name) {
  std::size_t end = name.size();
  while (end > 0 && std::isdigit(static_cast<unsigned char>(name[end - 1])) != 0) --end;
  return std::string(name.substr(0, end));
}

void describe(const capture::IfconfigInterface& interface, FactElement& element) {
  element.set("name", interface.name);
  element.set("family", family_of(interface.name));
  element.set("type", interface.type);
  element.set("status", interface.status);
  if (interface.mtu) element.set("mtu", *interface.mtu);
  element.set("verbose", interface.verbose);
  element.set("channel-io", interface.channel_io);
  // Only ifconfig -v prints the lines these come from: without it they are unknown, not false.
  if (interface.verbose) {
    element.set("netif", interface.has_netif);
    element.set("flowswitch", interface.has_flowswitch);
    element.set("flowswitch-agent", interface.skywalk_flowswitch_agent);
    element.set("nexus-provider", interface.nexus_provider);
    element.set("txstart", interface.txstart);
    element.set("native", interface.native);
    element.set("no-auto-nexus", interface.no_auto_nexus);
    element.set("legacy", interface.legacy);
    element.set("allocated-by-kpi", interface.allocated_by_kpi);
    element.set("low-latency", interface.low_latency);
  }
  element.set("bridge", interface.member_of_bridge);
  element.set("default-route", interface.carries_default_route);
  element.set("has-address", !interface.inet.empty() || !interface.inet6.empty());
  element.set("ipv4", !interface.inet.empty());
  for (const capture::NetworkAgent& agent : interface.agents) {
    FactElement node = element.add_child("agent");
    node.set("domain", agent.domain);
    node.set("type", agent.type);
    node.set("flags", agent.flags);
    node.set("description", agent.description);
  }
  for (const std::string& member : interface.bridge_members) element.add_child("member").set("interface", member);
}

// Plain ifconfig pasted for ifconfig -v: the capture's coverage entry says what it lacks.
capture::IfconfigCapture parse_noting_plain_blocks(std::string_view text) {
  capture::IfconfigCapture capture = capture::parse_ifconfig(text);
  const auto plain = std::find_if(capture.interfaces.begin(), capture.interfaces.end(),
                                  [](const capture::IfconfigInterface& interface) { return !interface.verbose; });
  if (plain != capture.interfaces.end()) {
    capture.problems.push_back(Error{ErrorKind::malformed, {}, {},
                                     "ifconfig was run without -v (no index after the mtu) for " + plain->name +
                                         " and maybe others: their transmit model, nexus and agents are unknown"});
  }
  return capture;
}

}  // namespace

void collect_interfaces(const Source& source, Facts& facts) {
  const std::string path = collector::capture_path("ifconfig-v.txt");
  auto capture = collector::read_capture(source, facts, kCollector, path, parse_noting_plain_blocks);
  if (!capture) return;
  if (capture->interfaces.empty()) {
    facts.record_problem(kCollector, Error{ErrorKind::malformed, path, {}, "no interface found in the capture"});
  }
  for (const capture::IfconfigInterface& interface : capture->interfaces) {
    FactElement element = facts.add("interface");
    describe(interface, element);
    element.set("source", path);
  }
}

namespace collector {
namespace {

constexpr contract::Attribute kInterface[] = {
    {"name", contract::Type::text, "the BSD name: en0, utun3, bridge0"},
    {"family", contract::Type::text, "the name without its unit number: en, utun, bridge, tap"},
    {"type", contract::Type::text, "ifconfig's type line: Ethernet, Wi-Fi, ..."},
    {"status", contract::Type::text, "ifconfig's status: active, inactive"},
    {"mtu", contract::Type::integer, "the MTU"},
    {"verbose", contract::Type::boolean,
     "whether the capture is ifconfig -v output; without -v the attributes from netif to low-latency are absent"},
    {"netif", contract::Type::boolean, "whether a netif nexus is attached (native or compat)"},
    {"flowswitch", contract::Type::boolean, "whether it has a flowswitch nexus"},
    {"flowswitch-agent", contract::Type::boolean, "whether it has a Skywalk FlowSwitch network agent"},
    {"nexus-provider", contract::Type::boolean,
     "that agent's 0x80 flag, without which the interface offers no user-space TCP/UDP"},
    {"txstart", contract::Type::boolean, "TXSTART in eflags"},
    {"native", contract::Type::boolean, "CHANNEL_DRV in eflags: a native Skywalk driver"},
    {"channel-io", contract::Type::boolean, "CHANNEL_IO in options"},
    {"no-auto-nexus", contract::Type::boolean, "NOAUTONX in xflags"},
    {"legacy", contract::Type::boolean, "LEGACY in xflags"},
    {"allocated-by-kpi", contract::Type::boolean, "ALLOCKPI in xflags: a kernel extension created it"},
    {"low-latency", contract::Type::boolean, "LOW_LATENCY in xflags"},
    {"bridge", contract::Type::text, "the bridge it is a member of; empty when none"},
    {"default-route", contract::Type::boolean, "whether route -n get default names it"},
    {"has-address", contract::Type::boolean, "whether it has any address"},
    {"ipv4", contract::Type::boolean, "whether it has an IPv4 address"},
    {"source", contract::Type::path, "the capture"},
};
constexpr contract::Attribute kAgent[] = {
    {"domain", contract::Type::text, "the agent's domain: Skywalk, NetworkExtension, ..."},
    {"type", contract::Type::text, "the agent's type: FlowSwitch, VPN, ..."},
    {"flags", contract::Type::integer, "the agent's flags"},
    {"description", contract::Type::text, "the agent's description"},
};
constexpr contract::Attribute kMember[] = {
    {"interface", contract::Type::text, "the member's BSD name"},
};
constexpr contract::Element kContract[] = {
    {"/facts/interface", "an interface as the kernel has it now", "ifconfig -v, route -n get default", kInterface},
    {"/facts/interface/agent", "a network agent of the interface", "ifconfig -v", kAgent},
    {"/facts/interface/member", "a member of a bridge interface", "ifconfig -v", kMember},
};

}  // namespace

extern const Registration interfaces_collector{
    {kCollector, kContract}, [](const Input& input, Facts& facts) { collect_interfaces(input.source, facts); }};

}  // namespace collector

}  // namespace nwaudit
