#include <array>
#include <string>

#include "collector_registry.h"
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

// A configuration a profile installed records the profile (NEProfileIngestionPayloadInfo).
void describe_profile(const plist::Value& configuration, collector::PlistFields& fields, FactElement& element) {
  const plist::Value* info = fields.dictionary(&configuration, "ProfileInfo");
  if (info == nullptr) return;
  const std::string identifier = fields.text(info, "ProfileIdentifier");
  if (!identifier.empty()) {
    element.set("profile", identifier);
    element.set("profile-id", identifier);
  }
  std::string organization = fields.text(info, "ProfileOrganization");
  if (organization.empty()) organization = fields.text(info, "PayloadOrganization");
  if (!organization.empty()) element.set("profile-organization", organization);
  if (std::string type = fields.text(info, "PayloadType"); !type.empty()) element.set("payload-type", type);
  const std::int64_t source = fields.integer(info, "profileSource").value_or(0);
  element.set("profile-source", source == 2 ? "mdm" : source == 1 ? "user" : "unknown");
}

void describe(const plist::Value& configuration, const std::string& uuid, collector::PlistFields& fields,
              FactElement& element) {
  element.set("id", uuid);
  element.set("name", fields.text(&configuration, "Name"));
  element.set("application", fields.text(&configuration, "Application"));
  element.set("application-name", fields.text(&configuration, "ApplicationName"));
  describe_profile(configuration, fields, element);
  for (const ConfigurationKind& kind : kKinds) {
    const plist::Value* object = fields.dictionary(&configuration, kind.field);
    if (object == nullptr) continue;
    const plist::Value* protocol = protocol_of(*object, fields);
    element.set("kind", kind.kind);
    element.set("enabled", fields.flag(object, "Enabled").value_or(false));
    element.set("on-demand", fields.flag(object, "OnDemandEnabled").value_or(false));
    element.set("provider", provider_of(*object, protocol, fields));
    element.set("protocol", fields.text(protocol, "$classname"));
    element.set("class", fields.text(object, "$classname"));
    return;
  }
  element.set("kind", "other");
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
    FactElement element = facts.add("ne-configuration");
    describe(*configuration, key, file->fields, element);
    element.set("source", kPreferences);
  }
}

namespace collector {
namespace {

constexpr std::string_view kKindNames[] = {"vpn",      "app-vpn",  "always-on-vpn", "content-filter", "dns-proxy",
                                           "dns-settings", "app-push", "relay",         "other"};
constexpr std::string_view kProfileSources[] = {"mdm", "user", "unknown"};
constexpr contract::Attribute kConfiguration[] = {
    {"id", contract::Type::text, "the configuration's UUID"},
    {"name", contract::Type::text, "its name"},
    {"application", contract::Type::text, "the bundle identifier of the app that made it"},
    {"application-name", contract::Type::text, "that app's name"},
    {"kind", contract::Type::enumeration, "what it configures", kKindNames},
    {"enabled", contract::Type::boolean, "whether it is enabled"},
    {"on-demand", contract::Type::boolean, "whether it connects on demand"},
    {"provider", contract::Type::text, "the provider's bundle identifier (or plug-in type)"},
    {"protocol", contract::Type::text, "the class of its protocol object: NETunnelProviderProtocol, ..."},
    {"class", contract::Type::text, "the class of its configuration object: NEVPN, NEContentFilter, ..."},
    {"source", contract::Type::path, "the preferences file"},
    {"profile", contract::Type::text,
     "the configuration profile that installed it: its display name (profiles.xml), else its identifier"},
    {"profile-id", contract::Type::text, "that profile's identifier (ProfileInfo, or profiles.xml)"},
    {"profile-organization", contract::Type::text, "that profile's organization, when it names one"},
    {"payload-type", contract::Type::text, "the type of the payload that installed it: com.apple.vpn.managed, ..."},
    {"profile-source", contract::Type::enumeration, "how that profile was installed (ProfileInfo's profileSource)",
     kProfileSources},
};
constexpr contract::Element kContract[] = {
    {"/facts/ne-configuration", "one NEConfiguration: a VPN, content filter, DNS proxy, ...",
     "/Library/Preferences/com.apple.networkextension.plist", kConfiguration},
};

}  // namespace

extern const Registration ne_configurations_collector{
    {kCollector, kContract}, [](const Input& input, Facts& facts) { collect_ne_configurations(input.source, facts); }};

}  // namespace collector

}  // namespace nwaudit
