#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "collector_support.h"
#include "nwaudit/facts/collectors.h"

namespace nwaudit {
namespace {

constexpr const char* kCollector = "network-services";
constexpr const char* kPreferences = "/Library/Preferences/SystemConfiguration/preferences.plist";
constexpr const char* kInterfaces = "/Library/Preferences/SystemConfiguration/NetworkInterfaces.plist";

struct ProxyKind {
  const char* kind;
  const char* enable;
  const char* host;  // key of the host or URL, nullptr when there is none
  const char* port;
};
constexpr std::array<ProxyKind, 7> kProxies{{
    {"http", "HTTPEnable", "HTTPProxy", "HTTPPort"},
    {"https", "HTTPSEnable", "HTTPSProxy", "HTTPSPort"},
    {"socks", "SOCKSEnable", "SOCKSProxy", "SOCKSPort"},
    {"ftp", "FTPEnable", "FTPProxy", "FTPPort"},
    {"rtsp", "RTSPEnable", "RTSPProxy", "RTSPPort"},
    {"pac", "ProxyAutoConfigEnable", "ProxyAutoConfigURLString", nullptr},
    {"auto-discovery", "ProxyAutoDiscoveryEnable", nullptr, nullptr},
}};

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

void add_proxies(const plist::Value& service, collector::PlistFields& fields, pugi::xml_node element) {
  const plist::Value* proxies = fields.dictionary(&service, "Proxies");
  for (const ProxyKind& proxy : kProxies) {
    if (!fields.flag(proxies, proxy.enable).value_or(false)) continue;
    pugi::xml_node node = element.append_child("proxy");
    node.append_attribute("kind") = proxy.kind;
    if (proxy.host != nullptr) node.append_attribute("host") = fields.text(proxies, proxy.host).c_str();
    if (proxy.port != nullptr) {
      if (auto port = fields.integer(proxies, proxy.port)) node.append_attribute("port") = static_cast<long long>(*port);
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
    pugi::xml_node element = facts.add("service");
    element.append_attribute("id") = id.c_str();
    element.append_attribute("name") = fields.text(&service, "UserDefinedName").c_str();
    element.append_attribute("interface") = fields.text(interface, "DeviceName").c_str();
    element.append_attribute("type") = type.c_str();
    element.append_attribute("subtype") = subtype.c_str();
    element.append_attribute("hardware") = fields.text(interface, "Hardware").c_str();
    element.append_attribute("class") = service_class(type, subtype);
    element.append_attribute("enabled") = collector::boolean(service.find("__INACTIVE__") == nullptr);
    const auto position = std::find(in_set.begin(), in_set.end(), id);
    element.append_attribute("in-current-set") = collector::boolean(position != in_set.end());
    if (position != in_set.end()) element.append_attribute("order") = static_cast<int>(position - in_set.begin()) + 1;
    element.append_attribute("source") = kPreferences;
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
    pugi::xml_node element = facts.add("bridge");
    element.append_attribute("name") = name.c_str();
    element.append_attribute("display-name") = fields.text(&bridge, "UserDefinedName").c_str();
    element.append_attribute("source") = kPreferences;
    const plist::Array* members = fields.array(&bridge, "Interfaces");
    if (members == nullptr) continue;
    const std::size_t count = collector::entries_to_take(facts, kCollector, kPreferences, members->size(),
                                                         "members of bridge " + name);
    for (std::size_t i = 0; i < count; ++i) {
      const plist::Value& member = (*members)[i];
      if (fields.is(member, plist::Kind::string, "a member of Interfaces in bridge " + name)) {
        element.append_child("member").append_attribute("interface") = member.string()->c_str();
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
    pugi::xml_node element = facts.add("network-interface");
    element.append_attribute("name") = name.c_str();
    element.append_attribute("type") = fields.text(&interface, "SCNetworkInterfaceType").c_str();
    element.append_attribute("builtin") = collector::boolean(fields.flag(&interface, "IOBuiltin").value_or(false));
    element.append_attribute("display-name") =
        fields.text(fields.dictionary(&interface, "SCNetworkInterfaceInfo"), "UserDefinedName").c_str();
    element.append_attribute("source") = kInterfaces;
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

}  // namespace nwaudit
