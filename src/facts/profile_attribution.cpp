#include "profile_attribution.h"

#include <string>
#include <string_view>

namespace nwaudit {
namespace {

std::string_view value_of(pugi::xml_node node, const char* attribute) { return node.attribute(attribute).value(); }

bool same_nonempty(std::string_view a, std::string_view b) { return !a.empty() && a == b; }

// Whether the Network Extension configuration is the one the payload installed: the profile
// it records (ProfileInfo) is the payload's, or it names the payload's provider or name.
bool installed_by(pugi::xml_node configuration, pugi::xml_node payload) {
  if (same_nonempty(value_of(configuration, "profile-id"), value_of(payload, "profile-id")) &&
      value_of(configuration, "payload-type") == value_of(payload, "payload-type")) {
    return true;
  }
  const std::string_view provider = value_of(payload, "provider");
  return same_nonempty(provider, value_of(configuration, "provider")) ||
         same_nonempty(provider, value_of(configuration, "application")) ||
         same_nonempty(value_of(payload, "setting-name"), value_of(configuration, "name"));
}

// The configuration kinds each payload kind becomes.
bool kind_fits(std::string_view payload_kind, std::string_view configuration_kind) {
  if (payload_kind == "content-filter") return configuration_kind == "content-filter";
  if (payload_kind == "vpn") {
    return configuration_kind == "vpn" || configuration_kind == "app-vpn" || configuration_kind == "always-on-vpn";
  }
  if (payload_kind == "dns") return configuration_kind == "dns-settings" || configuration_kind == "dns-proxy";
  if (payload_kind == "relay") return configuration_kind == "relay";
  return false;
}

void replace(Facts& facts, pugi::xml_node node, const char* name, std::string_view value) {
  if (value.empty()) return;
  node.remove_attribute(name);
  facts.element(node).set(name, value);
}

void attribute(Facts& facts, pugi::xml_node setting, pugi::xml_node payload) {
  replace(facts, setting, "profile", value_of(payload, "profile"));
  replace(facts, setting, "profile-id", value_of(payload, "profile-id"));
  replace(facts, setting, "profile-organization", value_of(payload, "profile-organization"));
  replace(facts, setting, "payload-type", value_of(payload, "payload-type"));
  replace(facts, payload, "applies-to", setting.name());
}

pugi::xml_node setting_of(pugi::xml_node root, pugi::xml_node payload) {
  const std::string_view kind = value_of(payload, "kind");
  if (kind == "firewall") return root.child("application-firewall");
  for (pugi::xml_node configuration : root.children("ne-configuration")) {
    if (kind_fits(kind, value_of(configuration, "kind")) && installed_by(configuration, payload)) {
      return configuration;
    }
  }
  if (kind != "vpn") return {};
  // A built-in VPN (L2TP, IPSec) from a profile is a network service of the same name.
  for (pugi::xml_node service : root.children("service")) {
    if (value_of(service, "class") == "vpn" && same_nonempty(value_of(payload, "setting-name"), value_of(service, "name"))) {
      return service;
    }
  }
  return {};
}

}  // namespace

void attribute_profiles(Facts& facts) {
  pugi::xml_node root = facts.root();
  for (pugi::xml_node profile : root.children("profile")) {
    for (pugi::xml_node payload : profile.children("payload")) {
      if (pugi::xml_node setting = setting_of(root, payload)) attribute(facts, setting, payload);
    }
  }
}

}  // namespace nwaudit
