#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "facts/collector_support.h"
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
std::vector<std::string> current_services(const plist::Value& preferences, std::string& set_id) {
  std::string current = collector::text(&preferences, "CurrentSet");
  set_id = current.rfind("/Sets/", 0) == 0 ? current.substr(6) : current;
  const plist::Value* network = preferences.at({"Sets", set_id, "Network"});
  std::vector<std::string> services;
  if (network == nullptr) return services;
  if (const plist::Value* order = network->at({"Global", "IPv4", "ServiceOrder"}); order && order->array()) {
    for (const plist::Value& id : *order->array()) {
      if (id.string() != nullptr) services.push_back(*id.string());
    }
  }
  if (const plist::Value* members = network->find("Service"); members && members->dictionary()) {
    for (const auto& [id, link] : *members->dictionary()) {
      if (std::find(services.begin(), services.end(), id) == services.end()) services.push_back(id);
    }
  }
  return services;
}

void add_proxies(const plist::Value& service, pugi::xml_node element) {
  const plist::Value* proxies = service.find("Proxies");
  for (const ProxyKind& proxy : kProxies) {
    if (!collector::flag(proxies, proxy.enable).value_or(false)) continue;
    pugi::xml_node node = element.append_child("proxy");
    node.append_attribute("kind") = proxy.kind;
    if (proxy.host != nullptr) node.append_attribute("host") = collector::text(proxies, proxy.host).c_str();
    if (proxy.port != nullptr) {
      const plist::Value* port = proxies->find(proxy.port);
      if (port != nullptr && port->integer()) node.append_attribute("port") = static_cast<long long>(*port->integer());
    }
  }
}

void add_services(const plist::Value& preferences, Facts& facts) {
  std::string set_id;
  const std::vector<std::string> in_set = current_services(preferences, set_id);
  const plist::Value* services = preferences.find("NetworkServices");
  if (services == nullptr || services->dictionary() == nullptr) return;
  for (const auto& [id, service] : *services->dictionary()) {
    const plist::Value* interface = service.find("Interface");
    const std::string type = collector::text(interface, "Type");
    const std::string subtype = collector::text(interface, "SubType");
    pugi::xml_node element = facts.add("service");
    element.append_attribute("id") = id.c_str();
    element.append_attribute("name") = collector::text(&service, "UserDefinedName").c_str();
    element.append_attribute("interface") = collector::text(interface, "DeviceName").c_str();
    element.append_attribute("type") = type.c_str();
    element.append_attribute("subtype") = subtype.c_str();
    element.append_attribute("hardware") = collector::text(interface, "Hardware").c_str();
    element.append_attribute("class") = service_class(type, subtype);
    element.append_attribute("enabled") = collector::boolean(service.find("__INACTIVE__") == nullptr);
    const auto position = std::find(in_set.begin(), in_set.end(), id);
    element.append_attribute("in-current-set") = collector::boolean(position != in_set.end());
    if (position != in_set.end()) element.append_attribute("order") = static_cast<int>(position - in_set.begin()) + 1;
    element.append_attribute("source") = kPreferences;
    add_proxies(service, element);
  }
}

void add_bridges(const plist::Value& preferences, Facts& facts) {
  const plist::Value* bridges = preferences.at({"VirtualNetworkInterfaces", "Bridge"});
  if (bridges == nullptr || bridges->dictionary() == nullptr) return;
  for (const auto& [name, bridge] : *bridges->dictionary()) {
    pugi::xml_node element = facts.add("bridge");
    element.append_attribute("name") = name.c_str();
    element.append_attribute("display-name") = collector::text(&bridge, "UserDefinedName").c_str();
    element.append_attribute("source") = kPreferences;
    const plist::Value* members = bridge.find("Interfaces");
    if (members == nullptr || members->array() == nullptr) continue;
    for (const plist::Value& member : *members->array()) {
      if (member.string() != nullptr) element.append_child("member").append_attribute("interface") = member.string()->c_str();
    }
  }
}

void add_interfaces(const plist::Value& interfaces, Facts& facts) {
  const plist::Value* list = interfaces.find("Interfaces");
  if (list == nullptr || list->array() == nullptr) return;
  for (const plist::Value& interface : *list->array()) {
    const std::string name = collector::text(&interface, "BSD Name");
    if (name.empty()) continue;
    pugi::xml_node element = facts.add("network-interface");
    element.append_attribute("name") = name.c_str();
    element.append_attribute("type") = collector::text(&interface, "SCNetworkInterfaceType").c_str();
    element.append_attribute("builtin") = collector::boolean(collector::flag(&interface, "IOBuiltin").value_or(false));
    element.append_attribute("display-name") = collector::text(interface.find("SCNetworkInterfaceInfo"), "UserDefinedName").c_str();
    element.append_attribute("source") = kInterfaces;
  }
}

}  // namespace

void collect_network_services(const Source& source, Facts& facts) {
  if (auto preferences = collector::read_plist(source, facts, kCollector, kPreferences)) {
    add_services(*preferences, facts);
    add_bridges(*preferences, facts);
  }
  if (auto interfaces = collector::read_plist(source, facts, kCollector, kInterfaces)) add_interfaces(*interfaces, facts);
}

}  // namespace nwaudit
