#include "personal_keys.h"

#include <array>
#include <cctype>
#include <utility>

#include "address_shapes.h"
#include "text_scan.h"

namespace nwaudit::redact {
namespace {

// Keys whose whole name says what they hold (lower case).
constexpr std::array<std::pair<std::string_view, Kind>, 27> kExactKeys{{
    {"computername", Kind::host},       {"hostname", Kind::host},
    {"localhostname", Kind::host},      {"netbiosname", Kind::host},
    {"dhcpclientid", Kind::host},       {"authname", Kind::account},
    {"xauthname", Kind::account},       {"user", Kind::account},
    {"account", Kind::account},         {"accountname", Kind::account},
    {"localidentifier", Kind::account}, {"remoteidentifier", Kind::server},
    {"searchdomains", Kind::server},    {"domainname", Kind::server},
    {"serveraddresses", Kind::server},  {"ssid_str", Kind::ssid},
    {"ssidstring", Kind::ssid},         {"ssid", Kind::ssid},
    {"ssids", Kind::ssid},              {"ssidmatch", Kind::ssid},
    {"iomacaddress", Kind::mac},        {"bssid", Kind::mac},
    {"macaddress", Kind::mac},          {"ioplatformuuid", Kind::hardware_uuid},
    {"hardwareuuid", Kind::hardware_uuid}, {"provisioningudid", Kind::hardware_uuid},
    {"sharedsecret", Kind::secret},
}};

// Keys known by how their name ends (lower case): "IncomingMailServerHostName", "ServerAddress".
constexpr std::array<std::pair<std::string_view, Kind>, 8> kKeyEndings{{
    {"hostname", Kind::server},     {"username", Kind::account},   {"password", Kind::secret},
    {"emailaddress", Kind::email},  {"serialnumber", Kind::serial}, {"proxy", Kind::server},
    {"address", Kind::server},      {"udid", Kind::hardware_uuid},
}};

// Names macOS gives; a copy gets " 2", an adapter "(en4)".
constexpr std::string_view kStockNames[] = {
    "Wi-Fi", "AirPort", "Ethernet", "Built-in Ethernet", "Thunderbolt Bridge", "Thunderbolt Ethernet",
    "Thunderbolt", "Bluetooth PAN", "Bluetooth DUN", "iPhone USB", "iPad USB", "USB 10/100 LAN",
    "USB 10/100/1000 LAN", "USB 10/100/1G/2.5G LAN", "FireWire", "Built-in FireWire", "Display Ethernet",
    "Ethernet Adaptor", "Ethernet Adapter", "Internet Sharing", "Automatic", "Modem", "Internal Modem",
    "VPN", "VPN (L2TP)", "VPN (PPTP)", "VPN (IPSec)", "VPN (Cisco IPSec)", "VPN (IKEv2)", "Bond", "VLAN",
};

std::string_view without_suffixes(std::string_view name) {
  // "(en4)" and " Slot 1" and " 2"
  if (name.ends_with(")")) {
    const auto open = name.rfind(" (");
    if (open != std::string_view::npos && name.substr(open + 2).starts_with("en")) name = name.substr(0, open);
  }
  while (!name.empty() && std::isdigit(static_cast<unsigned char>(name.back()))) name.remove_suffix(1);
  if (name.ends_with(" ")) name.remove_suffix(1);
  if (name.ends_with(" Slot")) name.remove_suffix(5);
  return name;
}

}  // namespace

KeyRule rule_for_key(std::string_view key) {
  const std::string name = lower_case(key);
  if (name == "userdefinedname") return {KeyKind::label, Kind::name};
  if (name == "exceptionslist") return {KeyKind::exceptions, Kind::server};
  if (name.ends_with("url") || name.ends_with("urlstring")) return {KeyKind::url, Kind::server};
  if (name.find("version") != std::string::npos) return {KeyKind::version, Kind::name};
  for (const auto& [exact, kind] : kExactKeys) {
    if (name == exact) return {KeyKind::personal, kind};
  }
  for (const auto& [ending, kind] : kKeyEndings) {
    if (name.ends_with(ending)) return {KeyKind::personal, kind};
  }
  if (name == "email") return {KeyKind::personal, Kind::email};
  return {};
}

bool is_stock_name(std::string_view name) {
  const std::string_view stem = without_suffixes(name);
  for (std::string_view stock : kStockNames) {
    if (name == stock || stem == stock) return true;
  }
  return false;
}

std::string redact_server(std::string_view value, Pseudonyms& names) {
  const auto scheme = value.find("://");
  if (scheme != std::string_view::npos) {
    const std::size_t host_start = scheme + 3;
    std::size_t host_end = value.find_first_of(":/?#", host_start);
    if (host_end == std::string_view::npos) host_end = value.size();
    const std::size_t userinfo = value.substr(host_start, host_end - host_start).find('@');
    const std::size_t start = userinfo == std::string_view::npos ? host_start : host_start + userinfo + 1;
    std::string result(value.substr(0, host_start));
    if (userinfo != std::string_view::npos) result += names.of(Kind::account, value.substr(host_start, userinfo)) + "@";
    return result + redact_server(value.substr(start, host_end - start), names) + std::string(value.substr(host_end));
  }
  if (const auto address = parse_ipv4(value)) return names.of(Kind::ipv4, value);
  if (!value.empty() && ipv6_length(value) == value.size()) return names.of(Kind::ipv6, value);
  return names.of(Kind::server, value);
}

std::string redact_value(Kind kind, std::string_view value, Pseudonyms& names) {
  if (kind == Kind::server) return redact_server(value, names);
  if (kind == Kind::name && is_stock_name(value)) return std::string(value);
  return names.of(kind, value);
}

std::string redact_agent_description(std::string_view description, Pseudonyms& names) {
  constexpr std::string_view kVpn = "VPN: ";
  if (!description.starts_with(kVpn)) return std::string(description);
  const std::string_view name = description.substr(kVpn.size());
  if (names.kept(name)) return std::string(description);
  return std::string(kVpn) + redact_value(Kind::name, name, names);
}

}  // namespace nwaudit::redact
