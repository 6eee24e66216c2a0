#include <array>
#include <string>

#include "collector_support.h"
#include "nwaudit/facts/collectors.h"
#include "nwaudit/plist/keyed_archive.h"

namespace nwaudit {
namespace {

constexpr const char* kCollector = "ne-configurations";
constexpr const char* kPreferences = "/Library/Preferences/com.apple.networkextension.plist";

// The NEConfiguration fields that hold one kind of configuration each, and the kind's name.
struct ConfigurationKind {
  const char* field;
  const char* kind;
};
constexpr std::array<ConfigurationKind, 8> kKinds{{
    {"VPN", "vpn"},
    {"AppVPN", "app-vpn"},
    {"AlwaysOnVPN", "always-on-vpn"},
    {"ContentFilter", "content-filter"},
    {"DNSProxy", "dns-proxy"},
    {"DNSSettings", "dns-settings"},
    {"AppPush", "app-push"},
    {"Relay", "relay"},
}};

// Where a provider's bundle identifier may sit inside a kind's object or its protocol.
constexpr std::array<const char*, 4> kProviderFields{
    "ProviderBundleIdentifier", "FilterDataProviderBundleIdentifier", "FilterPacketProviderBundleIdentifier",
    "PluginType"};

// The protocol or provider object of a kind (NETunnelProviderProtocol, NEFilterProviderConfiguration, ...).
const plist::Value* protocol_of(const plist::Value& kind, collector::PlistFields& fields) {
  for (const char* field : {"Protocol", "Provider", "ProtocolConfiguration"}) {
    if (const plist::Value* found = fields.dictionary(&kind, field)) return found;
  }
  return nullptr;
}

std::string provider_of(const plist::Value& kind, const plist::Value* protocol, collector::PlistFields& fields) {
  for (const plist::Value* holder : {protocol, &kind}) {
    for (const char* field : kProviderFields) {
      std::string value = fields.text(holder, field);
      if (!value.empty()) return value;
    }
  }
  return {};
}

void describe(const plist::Value& configuration, const std::string& uuid, collector::PlistFields& fields,
              pugi::xml_node element) {
  element.append_attribute("id") = uuid.c_str();
  element.append_attribute("name") = fields.text(&configuration, "Name").c_str();
  element.append_attribute("application") = fields.text(&configuration, "Application").c_str();
  element.append_attribute("application-name") = fields.text(&configuration, "ApplicationName").c_str();
  for (const ConfigurationKind& kind : kKinds) {
    const plist::Value* object = fields.dictionary(&configuration, kind.field);
    if (object == nullptr) continue;
    const plist::Value* protocol = protocol_of(*object, fields);
    element.append_attribute("kind") = kind.kind;
    element.append_attribute("enabled") = collector::boolean(fields.flag(object, "Enabled").value_or(false));
    element.append_attribute("on-demand") = collector::boolean(fields.flag(object, "OnDemandEnabled").value_or(false));
    element.append_attribute("provider") = provider_of(*object, protocol, fields).c_str();
    element.append_attribute("protocol") = fields.text(protocol, "$classname").c_str();
    element.append_attribute("class") = fields.text(object, "$classname").c_str();
    return;
  }
  element.append_attribute("kind") = "other";
}

}  // namespace

void collect_ne_configurations(const Source& source, Facts& facts) {
  auto file = collector::read_plist(source, facts, kCollector, kPreferences);
  if (!file) return;
  auto archive = plist::KeyedArchive::open(file->root, kPreferences);
  if (!archive) {
    facts.record_problem(kCollector, archive.error());
    return;
  }
  std::size_t left = collector::entries_to_take(facts, kCollector, kPreferences, archive->top().size(), "$top entries");
  // Each configuration is decoded alone, so one odd object costs only itself.
  for (const auto& [key, reference] : archive->top()) {
    if (left-- == 0) break;
    if (key == "Index" || key == "Version" || key == "Generation" || key.rfind("SCPreferences", 0) == 0) continue;
    auto configuration = archive->decode(reference, "$top." + key);
    if (!configuration) {
      if (configuration.error().kind != ErrorKind::not_found) facts.record_problem(kCollector, configuration.error());
      if (archive->exhausted()) break;  // every other configuration would fail the same way
      continue;
    }
    if (file->fields.text(&*configuration, "$classname") != "NEConfiguration") continue;
    pugi::xml_node element = facts.add("ne-configuration");
    describe(*configuration, key, file->fields, element);
    element.append_attribute("source") = kPreferences;
  }
}

}  // namespace nwaudit
