#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "collector_registry.h"
#include "collector_support.h"
#include "nwaudit/capture/scutil_proxy_capture.h"
#include "nwaudit/facts/collectors.h"

namespace nwaudit {
namespace {

constexpr const char* kCollector = "network-services";
constexpr const char* kPreferences = "/Library/Preferences/SystemConfiguration/preferences.plist";
constexpr const char* kInterfaces = "/Library/Preferences/SystemConfiguration/NetworkInterfaces.plist";

// What a service's interface type means for the path of the connections over it.
const char* service_class(std::string_view type, std::string_view subtype) {
  if (type == "PPP") {
    if (subtype == "L2TP" || subtype == "PPTP") return "vpn";
    return "ppp";
  }
  if (type == "IPSec" || type == "VPN" || type == "IKEv2") return "vpn";
  if (type == "Bridge") return "bridge";
  if (type == "Bond" || type == "VLAN") return "virtual";
  return "physical";
}

// The current set's service IDs, in the user's service order where one is set.
std::vector<std::string> current_services(const plist::Value& preferences, collector::PlistFields& fields,
                                          std::string& set_id) {
  std::string current = fields.text(&preferences, "CurrentSet");
  set_id = current.rfind("/Sets/", 0) == 0 ? current.substr(6) : current;
  const plist::Value* set = fields.dictionary(fields.dictionary(&preferences, "Sets"), set_id);
  const plist::Value* network = fields.dictionary(set, "Network");
  std::vector<std::string> services;
  if (network == nullptr) return services;
  const plist::Value* ipv4 = fields.dictionary(fields.dictionary(network, "Global"), "IPv4");
  if (const plist::Array* order = fields.array(ipv4, "ServiceOrder")) {
    for (const plist::Value& id : *order) {
      if (fields.is(id, plist::Kind::string, "a member of ServiceOrder")) services.push_back(*id.string());
    }
  }
  if (const plist::Value* members = fields.dictionary(network, "Service")) {
    for (const auto& [id, link] : *members->dictionary()) {
      if (std::find(services.begin(), services.end(), id) == services.end()) services.push_back(id);
    }
  }
  return services;
}

void add_proxies(const plist::Value& service, collector::PlistFields& fields, FactElement& element) {
  const plist::Value* proxies = fields.dictionary(&service, "Proxies");
  for (const capture::ProxyKeys& proxy : capture::kProxyKeys) {
    if (!fields.flag(proxies, proxy.enable).value_or(false)) continue;
    FactElement node = element.add_child("proxy");
    node.set("kind", proxy.kind);
    if (proxy.host != nullptr) node.set("host", fields.text(proxies, proxy.host));
    if (proxy.port != nullptr) {
      if (auto port = fields.integer(proxies, proxy.port)) node.set("port", *port);
    }
  }
}

void add_services(const plist::Value& preferences, collector::PlistFields& fields, Facts& facts) {
  std::string set_id;
  const std::vector<std::string> in_set = current_services(preferences, fields, set_id);
  const plist::Value* services = fields.dictionary(&preferences, "NetworkServices");
  if (services == nullptr) return;
  std::size_t left = collector::entries_to_take(facts, kCollector, kPreferences, services->dictionary()->size(),
                                                "network services");
  for (const auto& [id, service] : *services->dictionary()) {
    if (left-- == 0) break;
    if (!fields.is(service, plist::Kind::dictionary, "network service " + id)) continue;
    const plist::Value* interface = fields.dictionary(&service, "Interface");
    const std::string type = fields.text(interface, "Type");
    const std::string subtype = fields.text(interface, "SubType");
    FactElement element = facts.add("service");
    element.set("id", id);
    element.set("name", fields.text(&service, "UserDefinedName"));
    element.set("interface", fields.text(interface, "DeviceName"));
    element.set("type", type);
    element.set("subtype", subtype);
    element.set("hardware", fields.text(interface, "Hardware"));
    element.set("class", service_class(type, subtype));
    element.set("enabled", service.find("__INACTIVE__") == nullptr);
    const auto position = std::find(in_set.begin(), in_set.end(), id);
    element.set("in-current-set", position != in_set.end());
    if (position != in_set.end()) element.set("order", position - in_set.begin() + 1);
    element.set("source", kPreferences);
    add_proxies(service, fields, element);
  }
}

void add_bridges(const plist::Value& preferences, collector::PlistFields& fields, Facts& facts) {
  const plist::Value* bridges = fields.dictionary(fields.dictionary(&preferences, "VirtualNetworkInterfaces"), "Bridge");
  if (bridges == nullptr) return;
  std::size_t left = collector::entries_to_take(facts, kCollector, kPreferences, bridges->dictionary()->size(), "bridges");
  for (const auto& [name, bridge] : *bridges->dictionary()) {
    if (left-- == 0) break;
    if (!fields.is(bridge, plist::Kind::dictionary, "bridge " + name)) continue;
    FactElement element = facts.add("bridge");
    element.set("name", name);
    element.set("display-name", fields.text(&bridge, "UserDefinedName"));
    element.set("source", kPreferences);
    const plist::Array* members = fields.array(&bridge, "Interfaces");
    if (members == nullptr) continue;
    const std::size_t count = collector::entries_to_take(facts, kCollector, kPreferences, members->size(),
                                                         "members of bridge " + name);
    for (std::size_t i = 0; i < count; ++i) {
      const plist::Value& member = (*members)[i];
      if (fields.is(member, plist::Kind::string, "a member of Interfaces in bridge " + name)) {
        element.add_child("member").set("interface", *member.string());
      }
    }
  }
}

void add_interfaces(const plist::Value& interfaces, collector::PlistFields& fields, Facts& facts) {
  const plist::Array* list = fields.array(&interfaces, "Interfaces");
  if (list == nullptr) return;
  const std::size_t count = collector::entries_to_take(facts, kCollector, kInterfaces, list->size(), "interfaces");
  for (std::size_t i = 0; i < count; ++i) {
    const plist::Value& interface = (*list)[i];
    if (!fields.is(interface, plist::Kind::dictionary, "a member of Interfaces")) continue;
    const std::string name = fields.text(&interface, "BSD Name");
    if (name.empty()) continue;
    FactElement element = facts.add("network-interface");
    element.set("name", name);
    element.set("type", fields.text(&interface, "SCNetworkInterfaceType"));
    element.set("builtin", fields.flag(&interface, "IOBuiltin").value_or(false));
    const plist::Value* info = fields.dictionary(&interface, "SCNetworkInterfaceInfo");
    element.set("display-name", fields.text(info, "UserDefinedName"));
    element.set("source", kInterfaces);
  }
}

}  // namespace

void collect_network_services(const Source& source, Facts& facts) {
  if (auto preferences = collector::read_plist(source, facts, kCollector, kPreferences)) {
    add_services(preferences->root, preferences->fields, facts);
    add_bridges(preferences->root, preferences->fields, facts);
  }
  if (auto interfaces = collector::read_plist(source, facts, kCollector, kInterfaces)) {
    add_interfaces(interfaces->root, interfaces->fields, facts);
  }
}

namespace collector {
namespace {

constexpr std::string_view kServiceClasses[] = {"vpn", "ppp", "bridge", "virtual", "physical"};
constexpr contract::Attribute kService[] = {
    {"id", contract::Type::text, "the service's ID"},
    {"name", contract::Type::text, "its name (UserDefinedName)"},
    {"interface", contract::Type::text, "its interface's BSD name (DeviceName); empty for PPP and VPN services"},
    {"type", contract::Type::text, "its interface type: Ethernet, PPP, IPSec, VPN, IKEv2, Bridge, Bond, VLAN, ..."},
    {"subtype", contract::Type::text, "L2TP or PPTP for PPP; a VPN plug-in's identifier"},
    {"hardware", contract::Type::text, "the interface's hardware: Ethernet, AirPort, ..."},
    {"class", contract::Type::enumeration,
     "vpn (PPP over L2TP or PPTP, IPSec, IKEv2, a VPN plug-in), ppp, bridge, virtual (bond, VLAN) or physical",
     kServiceClasses},
    {"enabled", contract::Type::boolean, "false when the service is marked inactive"},
    {"in-current-set", contract::Type::boolean, "whether the current set (location) has it"},
    {"order", contract::Type::integer, "its position in the current set's service order, from 1"},
    {"source", contract::Type::path, "the preferences file"},
};
constexpr contract::Attribute kProxy[] = {
    {"kind", contract::Type::enumeration, "which proxy; pac has the configuration's URL as its host", capture::kProxyKinds},
    {"host", contract::Type::text, "the proxy's host, or the PAC URL"},
    {"port", contract::Type::integer, "the proxy's port"},
};
constexpr contract::Attribute kBridge[] = {
    {"name", contract::Type::text, "the bridge's BSD name"},
    {"display-name", contract::Type::text, "its name in System Settings"},
    {"source", contract::Type::path, "the preferences file"},
};
constexpr contract::Attribute kBridgeMember[] = {
    {"interface", contract::Type::text, "a member's BSD name"},
};
constexpr contract::Attribute kNetworkInterface[] = {
    {"name", contract::Type::text, "the BSD name"},
    {"type", contract::Type::text, "SCNetworkInterfaceType: Ethernet, IEEE80211, ..."},
    {"builtin", contract::Type::boolean, "IOBuiltin"},
    {"display-name", contract::Type::text, "its name in System Settings"},
    {"source", contract::Type::path, "NetworkInterfaces.plist"},
};
constexpr contract::Element kContract[] = {
    {"/facts/service", "a network service", "/Library/Preferences/SystemConfiguration/preferences.plist", kService},
    {"/facts/service/proxy", "an enabled proxy of the service",
     "/Library/Preferences/SystemConfiguration/preferences.plist", kProxy},
    {"/facts/bridge", "a bridge the preferences configure",
     "/Library/Preferences/SystemConfiguration/preferences.plist", kBridge},
    {"/facts/bridge/member", "a member of the bridge", "/Library/Preferences/SystemConfiguration/preferences.plist",
     kBridgeMember},
    {"/facts/network-interface", "an interface macOS knows",
     "/Library/Preferences/SystemConfiguration/NetworkInterfaces.plist", kNetworkInterface},
};

}  // namespace

extern const Registration network_services_collector{
    {kCollector, kContract}, [](const Input& input, Facts& facts) { collect_network_services(input.source, facts); }};

}  // namespace collector
}  // namespace nwaudit
