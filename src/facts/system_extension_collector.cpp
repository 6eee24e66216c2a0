#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "nwaudit/capture/system_extensions_list.h"
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
      const std::string hex(url.substr(i + 1, 2));
      if (hex.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos) {
        path += static_cast<char>(std::stoi(hex, nullptr, 16));
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
                   pugi::xml_node element) {
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
    pugi::xml_node provider = element.append_child("provider");
    provider.append_attribute("class") = provider_class.c_str();
    const std::string_view name = provider_class;
    const std::string kind(name.substr(0, kProviderPrefix.size()) == kProviderPrefix ? name.substr(kProviderPrefix.size()) : name);
    provider.append_attribute("kind") = kind.c_str();
    if (info->fields.is(principal, plist::Kind::string, provider_class)) {
      provider.append_attribute("principal-class") = principal.string()->c_str();
    }
    provider.append_attribute("source") = info_path.c_str();
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
    pugi::xml_node element = facts.add("system-extension");
    element.append_attribute("id") = identifier.c_str();
    element.append_attribute("team") = fields.text(&extension, "teamID").c_str();
    element.append_attribute("version") = fields.text(versions, "CFBundleShortVersionString").c_str();
    element.append_attribute("build") = fields.text(versions, "CFBundleVersion").c_str();
    element.append_attribute("state") = state.c_str();
    element.append_attribute("active") = collector::boolean(state.rfind("activated", 0) == 0);
    element.append_attribute("enabled") = collector::boolean(state == "activated_enabled");
    element.append_attribute("network-extension") = collector::boolean(network);
    element.append_attribute("endpoint-security") =
        collector::boolean(has_category("com.apple.system_extension.endpoint_security"));
    element.append_attribute("driver") = collector::boolean(has_category("com.apple.system_extension.driver_extension"));
    element.append_attribute("app") = fields.text(fields.dictionary(&extension, "container"), "bundlePath").c_str();
    element.append_attribute("source") = kDatabase;
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
  std::map<std::pair<std::string, std::string>, pugi::xml_node> known;
  for (pugi::xml_node candidate : facts.root().children("system-extension")) {
    known.emplace(std::pair{candidate.attribute("id").value(), candidate.attribute("version").value()}, candidate);
  }
  for (const capture::SystemExtension& listed : listing->extensions) {
    pugi::xml_node& element = known[{listed.bundle_id, listed.short_version}];
    if (!element) {
      element = facts.add("system-extension");
      element.append_attribute("id") = listed.bundle_id.c_str();
      element.append_attribute("team") = listed.team_id.c_str();
      element.append_attribute("version") = listed.short_version.c_str();
      element.append_attribute("build") = listed.bundle_version.c_str();
      element.append_attribute("state") = listed.state.c_str();
      element.append_attribute("active") = collector::boolean(listed.active);
      element.append_attribute("enabled") = collector::boolean(listed.enabled);
      element.append_attribute("network-extension") =
          collector::boolean(listed.category == "com.apple.system_extension.network_extension");
      element.append_attribute("endpoint-security") =
          collector::boolean(listed.category == "com.apple.system_extension.endpoint_security");
      element.append_attribute("driver") = collector::boolean(listed.category == "com.apple.system_extension.driver_extension");
      element.append_attribute("source") = path.c_str();
    }
    // The same extension may be listed twice (an old copy waiting for a restart); one attribute.
    if (!element.attribute("listed")) element.append_attribute("listed") = "true";
  }
}

}  // namespace

void collect_system_extensions(const Source& source, Facts& facts) {
  add_database_entries(source, facts);
  merge_listing(source, facts);
}

}  // namespace nwaudit
