#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "nwaudit/capture/system_extensions_list.h"
#include "nwaudit/capture/text_lines.h"
#include "collector_registry.h"
#include "collector_support.h"
#include "nwaudit/facts/collectors.h"

namespace nwaudit {
namespace {

constexpr const char* kCollector = "system-extensions";
constexpr const char* kDatabase = "/Library/SystemExtensions/db.plist";
constexpr std::string_view kProviderPrefix = "com.apple.networkextension.";

// "file:///Library/SystemExtensions/UUID/x.systemextension/" -> "/Library/SystemExtensions/UUID/x.systemextension"
std::string path_of_file_url(std::string_view url) {
  if (url.substr(0, 7) != "file://") return {};
  url.remove_prefix(7);
  std::string path;
  for (std::size_t i = 0; i < url.size(); ++i) {
    if (url[i] == '%' && i + 2 < url.size()) {
      if (const auto byte = capture::parse_hex(url.substr(i + 1, 2))) {
        path += static_cast<char>(*byte);
        i += 2;
        continue;
      }
    }
    path += url[i];
  }
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

// The extension's "categories" strings.
std::vector<std::string> categories_of(const plist::Value& extension, collector::PlistFields& fields) {
  std::vector<std::string> categories;
  const plist::Array* list = fields.array(&extension, "categories");
  if (list == nullptr) return categories;
  for (const plist::Value& entry : *list) {
    if (fields.is(entry, plist::Kind::string, "a member of categories")) categories.push_back(*entry.string());
  }
  return categories;
}

// The NEProviderClasses a network extension declares in its Info.plist, as <provider> children.
void add_providers(const Source& source, Facts& facts, const plist::Value& extension, collector::PlistFields& fields,
                   FactElement& element) {
  std::string bundle = path_of_file_url(fields.text(fields.dictionary(&extension, "stagedBundleURL"), "relative"));
  if (bundle.empty()) bundle = fields.text(&extension, "originPath");
  if (bundle.empty()) return;
  const std::string info_path = bundle + "/Contents/Info.plist";
  auto info = collector::read_plist(source, facts, kCollector, info_path);
  if (!info) return;
  const plist::Value* classes =
      info->fields.dictionary(info->fields.dictionary(&info->root, "NetworkExtension"), "NEProviderClasses");
  if (classes == nullptr) return;
  std::size_t left = collector::entries_to_take(facts, kCollector, info_path, classes->dictionary()->size(),
                                                "provider classes");
  for (const auto& [provider_class, principal] : *classes->dictionary()) {
    if (left-- == 0) break;
    FactElement provider = element.add_child("provider");
    provider.set("class", provider_class);
    const std::string_view name = provider_class;
    const std::string kind(name.substr(0, kProviderPrefix.size()) == kProviderPrefix ? name.substr(kProviderPrefix.size()) : name);
    provider.set("kind", kind);
    if (info->fields.is(principal, plist::Kind::string, provider_class)) {
      provider.set("principal-class", *principal.string());
    }
    provider.set("source", info_path);
  }
}

void add_database_entries(const Source& source, Facts& facts) {
  auto database = collector::read_plist(source, facts, kCollector, kDatabase);
  if (!database) return;
  collector::PlistFields& fields = database->fields;
  const plist::Array* extensions = fields.array(&database->root, "extensions");
  if (extensions == nullptr) return;
  const std::size_t count = collector::entries_to_take(facts, kCollector, kDatabase, extensions->size(), "extensions");
  for (std::size_t i = 0; i < count; ++i) {
    const plist::Value& extension = (*extensions)[i];
    if (!fields.is(extension, plist::Kind::dictionary, "a member of extensions")) continue;
    const std::string identifier = fields.text(&extension, "identifier");
    if (identifier.empty()) continue;
    const std::string state = fields.text(&extension, "state");
    const std::vector<std::string> categories = categories_of(extension, fields);
    const auto has_category = [&](std::string_view category) {
      return std::find(categories.begin(), categories.end(), category) != categories.end();
    };
    const bool network = has_category("com.apple.system_extension.network_extension");
    const plist::Value* versions = fields.dictionary(&extension, "bundleVersion");
    FactElement element = facts.add("system-extension");
    element.set("id", identifier);
    element.set("team", fields.text(&extension, "teamID"));
    element.set("version", fields.text(versions, "CFBundleShortVersionString"));
    element.set("build", fields.text(versions, "CFBundleVersion"));
    element.set("state", state);
    element.set("active", state.rfind("activated", 0) == 0);
    element.set("enabled", state == "activated_enabled");
    element.set("network-extension", network);
    element.set("endpoint-security", has_category("com.apple.system_extension.endpoint_security"));
    element.set("driver", has_category("com.apple.system_extension.driver_extension"));
    element.set("app", fields.text(fields.dictionary(&extension, "container"), "bundlePath"));
    element.set("source", kDatabase);
    if (network) add_providers(source, facts, extension, fields, element);
  }
}

// Marks what `systemextensionsctl list` shows: listed="true" on the matching element, and a
// new element for an extension the database did not have.
void merge_listing(const Source& source, Facts& facts) {
  const std::string path = collector::capture_path("systemextensionsctl-list.txt");
  if (!source.status(path)) return;
  auto listing = collector::read_capture(source, facts, kCollector, path, capture::parse_system_extensions_list);
  if (!listing) return;
  // By identifier and version, the first element of each.
  std::map<std::pair<std::string, std::string>, FactElement> known;
  for (pugi::xml_node candidate : facts.root().children("system-extension")) {
    known.emplace(std::pair{candidate.attribute("id").value(), candidate.attribute("version").value()},
                  facts.element(candidate));
  }
  for (const capture::SystemExtension& listed : listing->extensions) {
    const std::pair<std::string, std::string> key{listed.bundle_id, listed.short_version};
    auto entry = known.find(key);
    if (entry == known.end()) {
      FactElement element = facts.add("system-extension");
      element.set("id", listed.bundle_id);
      element.set("team", listed.team_id);
      element.set("version", listed.short_version);
      element.set("build", listed.bundle_version);
      element.set("state", listed.state);
      element.set("active", listed.active);
      element.set("enabled", listed.enabled);
      element.set("network-extension", listed.category == "com.apple.system_extension.network_extension");
      element.set("endpoint-security", listed.category == "com.apple.system_extension.endpoint_security");
      element.set("driver", listed.category == "com.apple.system_extension.driver_extension");
      element.set("source", path);
      entry = known.emplace(key, element).first;
    }
    // The same extension may be listed twice (an old copy waiting for a restart); one attribute.
    if (!entry->second.node().attribute("listed")) entry->second.set("listed", true);
  }
}

}  // namespace

void collect_system_extensions(const Source& source, Facts& facts) {
  add_database_entries(source, facts);
  merge_listing(source, facts);
}

namespace collector {
namespace {

constexpr contract::Attribute kExtension[] = {
    {"id", contract::Type::text, "the bundle identifier"},
    {"team", contract::Type::text, "the developer team ID"},
    {"version", contract::Type::version, "CFBundleShortVersionString"},
    {"build", contract::Type::version, "CFBundleVersion"},
    {"state", contract::Type::text,
     "the database's state: activated_enabled, terminated_waiting_to_uninstall_on_reboot, ..."},
    {"active", contract::Type::boolean, "a state starting with activated"},
    {"enabled", contract::Type::boolean, "the state activated_enabled"},
    {"network-extension", contract::Type::boolean, "whether it is a network extension"},
    {"endpoint-security", contract::Type::boolean, "whether it is an Endpoint Security extension"},
    {"driver", contract::Type::boolean, "whether it is a driver extension"},
    {"app", contract::Type::path, "the app that contains it"},
    {"listed", contract::Type::boolean, "true when the captured systemextensionsctl list shows it"},
    {"source", contract::Type::path, "the database, or the listing for an extension only it shows"},
};
constexpr contract::Attribute kProvider[] = {
    {"class", contract::Type::text, "a key of NetworkExtension/NEProviderClasses"},
    {"kind", contract::Type::text,
     "the class without com.apple.networkextension.: packet-tunnel, app-proxy, filter-data, filter-packet, dns-proxy"},
    {"principal-class", contract::Type::text, "the class that implements it"},
    {"source", contract::Type::path, "the extension's Info.plist"},
};
constexpr contract::Element kContract[] = {
    {"/facts/system-extension", "a system extension",
     "/Library/SystemExtensions/db.plist; systemextensionsctl list", kExtension},
    {"/facts/system-extension/provider", "a network extension provider the bundle declares",
     "the staged bundle's Contents/Info.plist", kProvider},
};

}  // namespace

extern const Registration system_extensions_collector{
    {kCollector, kContract}, [](const Input& input, Facts& facts) { collect_system_extensions(input.source, facts); }};

}  // namespace collector
}  // namespace nwaudit
