#include <cctype>
#include <string>

#include "nwaudit/capture/ifconfig_capture.h"
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

void describe(const capture::IfconfigInterface& interface, pugi::xml_node element) {
  using collector::boolean;
  element.append_attribute("name") = interface.name.c_str();
  element.append_attribute("family") = family_of(interface.name).c_str();
  element.append_attribute("type") = interface.type.c_str();
  element.append_attribute("status") = interface.status.c_str();
  if (interface.mtu) element.append_attribute("mtu") = *interface.mtu;
  element.append_attribute("flowswitch") = boolean(interface.has_flowswitch);
  element.append_attribute("flowswitch-agent") = boolean(interface.skywalk_flowswitch_agent);
  element.append_attribute("nexus-provider") = boolean(interface.nexus_provider);
  element.append_attribute("txstart") = boolean(interface.txstart);
  element.append_attribute("native") = boolean(interface.native);
  element.append_attribute("channel-io") = boolean(interface.channel_io);
  element.append_attribute("no-auto-nexus") = boolean(interface.no_auto_nexus);
  element.append_attribute("legacy") = boolean(interface.legacy);
  element.append_attribute("allocated-by-kpi") = boolean(interface.allocated_by_kpi);
  element.append_attribute("low-latency") = boolean(interface.low_latency);
  element.append_attribute("bridge") = interface.member_of_bridge.c_str();
  element.append_attribute("default-route") = boolean(interface.carries_default_route);
  element.append_attribute("has-address") = boolean(!interface.inet.empty() || !interface.inet6.empty());
  element.append_attribute("ipv4") = boolean(!interface.inet.empty());
  for (const capture::NetworkAgent& agent : interface.agents) {
    pugi::xml_node node = element.append_child("agent");
    node.append_attribute("domain") = agent.domain.c_str();
    node.append_attribute("type") = agent.type.c_str();
    node.append_attribute("flags") = agent.flags;
    node.append_attribute("description") = agent.description.c_str();
  }
  for (const std::string& member : interface.bridge_members) {
    element.append_child("member").append_attribute("interface") = member.c_str();
  }
}

}  // namespace

void collect_interfaces(const Source& source, Facts& facts) {
  const std::string path = collector::capture_path("ifconfig-v.txt");
  auto capture = collector::read_capture(source, facts, kCollector, path, capture::parse_ifconfig);
  if (!capture) return;
  if (capture->interfaces.empty()) {
    facts.record_problem(kCollector, Error{ErrorKind::malformed, path, {}, "no interface found in the capture"});
  }
  for (const capture::IfconfigInterface& interface : capture->interfaces) {
    pugi::xml_node element = facts.add("interface");
    describe(interface, element);
    element.append_attribute("source") = path.c_str();
  }
}

}  // namespace nwaudit
