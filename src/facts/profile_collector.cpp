#include <array>
#include <string>
#include <string_view>

#include "collector_registry.h"
#include "collector_support.h"
#include "profile_attribution.h"

namespace nwaudit {
namespace {

constexpr const char* kCollector = "profiles";
constexpr std::string_view kCapture = "profiles.xml";
// `profiles show -output stdout-xml` keys the computer's profiles so; every other key is a
// user's short name, which the facts never repeat.
constexpr std::string_view kComputerLevel = "_computerlevel";

// What a payload configures, as far as the path of a connection goes.
struct PayloadKind {
  std::string_view type;
  const char* kind;
};
constexpr std::array<PayloadKind, 10> kPayloadKinds{{
    {"com.apple.security.firewall", "firewall"},
    {"com.apple.webcontent-filter", "content-filter"},
    {"com.apple.vpn.managed", "vpn"},
    {"com.apple.vpn.managed.applayer", "vpn"},
    {"com.apple.dnsSettings.managed", "dns"},
    {"com.apple.dnsProxy.managed", "dns"},
    {"com.apple.proxy.http.global", "proxy"},
    {"com.apple.relay.managed", "relay"},
    {"com.apple.system-extension-policy", "system-extensions"},
    {"com.apple.syspolicy.kernel-extension-policy", "kernel-extensions"},
}};

const char* kind_of(std::string_view type) {
  for (const PayloadKind& known : kPayloadKinds) {
    if (known.type == type) return known.kind;
  }
  return "other";
}

// The bundle identifier of the provider a content filter, VPN or DNS proxy payload names, as
// the Network Extension configuration it becomes names it; else the app's.
std::string provider_of(const plist::Value* content, collector::PlistFields& fields) {
  const plist::Value* vpn = fields.dictionary(content, "VPN");
  for (const char* key : {"FilterDataProviderBundleIdentifier", "FilterPacketProviderBundleIdentifier",
                          "ProviderBundleIdentifier"}) {
    for (const plist::Value* holder : {content, vpn}) {
      std::string value = fields.text(holder, key);
      if (!value.empty()) return value;
    }
  }
  for (const char* key : {"PluginBundleID", "VPNSubType", "AppBundleIdentifier"}) {
    std::string value = fields.text(content, key);
    if (!value.empty()) return value;
  }
  return {};
}

void add_payload(const plist::Value& item, const plist::Value& profile, collector::PlistFields& fields,
                 FactElement& parent) {
  const std::string type = fields.text(&item, "PayloadType");
  const plist::Value* content = fields.dictionary(&item, "PayloadContent");
  FactElement payload = parent.add_child("payload");
  payload.set("payload-type", type);
  payload.set("id", fields.text(&item, "PayloadIdentifier"));
  payload.set("kind", kind_of(type));
  if (std::string provider = provider_of(content, fields); !provider.empty()) payload.set("provider", provider);
  if (std::string name = fields.text(content, "UserDefinedName"); !name.empty()) payload.set("setting-name", name);
  // The profile's names again, so that a rule on the payload can say whose it is.
  std::string display_name = fields.text(&profile, "ProfileDisplayName");
  const std::string identifier = fields.text(&profile, "ProfileIdentifier");
  payload.set("profile", display_name.empty() ? identifier : display_name);
  payload.set("profile-id", identifier);
  if (std::string organization = fields.text(&profile, "ProfileOrganization"); !organization.empty()) {
    payload.set("profile-organization", organization);
  }
}

void add_profile(const plist::Value& profile, std::string_view scope, collector::PlistFields& fields, Facts& facts,
                 const std::string& path) {
  FactElement element = facts.add("profile");
  element.set("identifier", fields.text(&profile, "ProfileIdentifier"));
  element.set("name", fields.text(&profile, "ProfileDisplayName"));
  element.set("organization", fields.text(&profile, "ProfileOrganization"));
  element.set("scope", scope);
  // Written as a string ("true") by `profiles`, as a boolean in the payload that set it.
  const plist::Value* removal = profile.find("ProfileRemovalDisallowed");
  const bool locked = removal != nullptr && ((removal->string() != nullptr && *removal->string() == "true") ||
                                             removal->boolean().value_or(false));
  element.set("removal-disallowed", locked);
  element.set("source", path);
  const plist::Array* items = fields.array(&profile, "ProfileItems");
  if (items == nullptr) return;
  std::size_t left = collector::entries_to_take(facts, kCollector, path, items->size(), "payloads of one profile");
  for (const plist::Value& item : *items) {
    if (left-- == 0) break;
    if (fields.is(item, plist::Kind::dictionary, "a ProfileItems entry")) add_payload(item, profile, fields, element);
  }
}

}  // namespace

void collect_profiles(const Source& source, Facts& facts) {
  const std::string path = collector::capture_path(kCapture);
  auto file = collector::read_plist(source, facts, kCollector, path);
  if (!file) return;
  const plist::Dictionary* owners = file->root.dictionary();
  for (const auto& [owner, list] : *owners) {
    const std::string_view scope = owner == kComputerLevel ? "computer" : "user";
    if (!file->fields.is(list, plist::Kind::array, scope == "computer" ? "_computerlevel" : "a user's profiles")) {
      continue;
    }
    std::size_t left = collector::entries_to_take(facts, kCollector, path, list.array()->size(), "profiles");
    for (const plist::Value& profile : *list.array()) {
      if (left-- == 0) break;
      if (file->fields.is(profile, plist::Kind::dictionary, "a profile")) {
        add_profile(profile, scope, file->fields, facts, path);
      }
    }
  }
}

namespace collector {
namespace {

constexpr std::string_view kScopes[] = {"computer", "user"};
constexpr std::string_view kKinds[] = {"firewall", "content-filter",    "vpn",
                                       "dns",      "proxy",             "relay",
                                       "system-extensions", "kernel-extensions", "other"};
constexpr std::string_view kAppliesTo[] = {"application-firewall", "ne-configuration", "service"};

constexpr contract::Attribute kProfile[] = {
    {"identifier", contract::Type::text, "ProfileIdentifier"},
    {"name", contract::Type::text, "ProfileDisplayName, the name System Settings shows"},
    {"organization", contract::Type::text, "ProfileOrganization: who issued it"},
    {"scope", contract::Type::enumeration, "installed for the computer, or for one user (never named)", kScopes},
    {"removal-disallowed", contract::Type::boolean, "whether the profile may not be removed on the Mac"},
    {"source", contract::Type::path, "the capture"},
};
constexpr contract::Attribute kPayload[] = {
    {"payload-type", contract::Type::text, "PayloadType: com.apple.security.firewall, com.apple.vpn.managed, ..."},
    {"id", contract::Type::text, "PayloadIdentifier"},
    {"kind", contract::Type::enumeration, "what the payload configures, for the path of a connection", kKinds},
    {"provider", contract::Type::text,
     "the bundle identifier of the filter, VPN or DNS proxy provider a payload names, when it names one"},
    {"setting-name", contract::Type::text, "UserDefinedName: the name the VPN or filter appears under"},
    {"profile", contract::Type::text, "the profile's display name, or its identifier when it has none"},
    {"profile-id", contract::Type::text, "the profile's identifier"},
    {"profile-organization", contract::Type::text, "the profile's organization, when it names one"},
    {"applies-to", contract::Type::enumeration,
     "the element of these facts the payload's setting was matched to, when one was", kAppliesTo},
};
// What attribute_profiles adds to a setting a payload installed (profile_attribution.h).
constexpr contract::Attribute kInstalledBy[] = {
    {"profile", contract::Type::text, "the display name (else identifier) of the profile that installed it"},
    {"profile-id", contract::Type::text, "that profile's identifier"},
    {"profile-organization", contract::Type::text, "that profile's organization, when it names one"},
};
constexpr contract::Attribute kPayloadType[] = {
    {"payload-type", contract::Type::text, "the type of the payload that installed it"},
};
constexpr contract::Element kContract[] = {
    {"/facts/profile", "one configuration profile installed on the Mac",
     "/.nwaudit/profiles.xml (profiles show -output stdout-xml, as root)", kProfile},
    {"/facts/profile/payload", "one payload of the profile", "the profile's ProfileItems", kPayload},
    {"/facts/application-firewall", "", "", kInstalledBy},
    {"/facts/service", "", "", kInstalledBy},
    {"/facts/service", "", "", kPayloadType},
};

}  // namespace

extern const Registration profiles_collector{{kCollector, kContract}, [](const Input& input, Facts& facts) {
                                               collect_profiles(input.source, facts);
                                               attribute_profiles(facts);
                                             }};

}  // namespace collector

}  // namespace nwaudit
