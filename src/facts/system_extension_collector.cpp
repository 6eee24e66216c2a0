#include <string>

#include "capture/system_extensions_list.h"
#include "facts/collector_support.h"
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

bool has_category(const plist::Value& extension, std::string_view category) {
  const plist::Value* categories = extension.find("categories");
  if (categories == nullptr || categories->array() == nullptr) return false;
  for (const plist::Value& entry : *categories->array()) {
    if (entry.string() != nullptr && *entry.string() == category) return true;
  }
  return false;
}

// The NEProviderClasses a network extension declares in its Info.plist, as <provider> children.
void add_providers(const Source& source, Facts& facts, const plist::Value& extension, pugi::xml_node element) {
  std::string bundle = path_of_file_url(collector::text(extension.find("stagedBundleURL"), "relative"));
  if (bundle.empty()) bundle = collector::text(&extension, "originPath");
  if (bundle.empty()) return;
  const std::string info_path = bundle + "/Contents/Info.plist";
  auto info = collector::read_plist(source, facts, kCollector, info_path);
  if (!info) return;
  const plist::Value* classes = info->at({"NetworkExtension", "NEProviderClasses"});
  if (classes == nullptr || classes->dictionary() == nullptr) return;
  for (const auto& [provider_class, principal] : *classes->dictionary()) {
    pugi::xml_node provider = element.append_child("provider");
    provider.append_attribute("class") = provider_class.c_str();
    const std::string_view name = provider_class;
    const std::string kind(name.substr(0, kProviderPrefix.size()) == kProviderPrefix ? name.substr(kProviderPrefix.size()) : name);
    provider.append_attribute("kind") = kind.c_str();
    if (principal.string() != nullptr) provider.append_attribute("principal-class") = principal.string()->c_str();
    provider.append_attribute("source") = info_path.c_str();
  }
}

void add_database_entries(const Source& source, Facts& facts) {
  auto database = collector::read_plist(source, facts, kCollector, kDatabase);
  if (!database) return;
  const plist::Value* extensions = database->find("extensions");
  if (extensions == nullptr || extensions->array() == nullptr) return;
  for (const plist::Value& extension : *extensions->array()) {
    const std::string identifier = collector::text(&extension, "identifier");
    if (identifier.empty()) continue;
    const std::string state = collector::text(&extension, "state");
    const bool network = has_category(extension, "com.apple.system_extension.network_extension");
    pugi::xml_node element = facts.add("system-extension");
    element.append_attribute("id") = identifier.c_str();
    element.append_attribute("team") = collector::text(&extension, "teamID").c_str();
    element.append_attribute("version") = collector::text(extension.find("bundleVersion"), "CFBundleShortVersionString").c_str();
    element.append_attribute("build") = collector::text(extension.find("bundleVersion"), "CFBundleVersion").c_str();
    element.append_attribute("state") = state.c_str();
    element.append_attribute("active") = collector::boolean(state.rfind("activated", 0) == 0);
    element.append_attribute("enabled") = collector::boolean(state == "activated_enabled");
    element.append_attribute("network-extension") = collector::boolean(network);
    element.append_attribute("endpoint-security") =
        collector::boolean(has_category(extension, "com.apple.system_extension.endpoint_security"));
    element.append_attribute("driver") = collector::boolean(has_category(extension, "com.apple.system_extension.driver_extension"));
    element.append_attribute("app") = collector::text(extension.find("container"), "bundlePath").c_str();
    element.append_attribute("source") = kDatabase;
    if (network) add_providers(source, facts, extension, element);
  }
}

// Marks what `systemextensionsctl list` shows: listed="true" on the matching element, and a
// new element for an extension the database did not have.
void merge_listing(const Source& source, Facts& facts) {
  const std::string path = collector::capture_path("systemextensionsctl-list.txt");
  if (!source.status(path)) return;
  auto listing = collector::read_capture(source, facts, kCollector, path, capture::parse_system_extensions_list);
  if (!listing) return;
  for (const capture::SystemExtension& listed : listing->extensions) {
    pugi::xml_node element;
    for (pugi::xml_node candidate : facts.root().children("system-extension")) {
      if (listed.bundle_id == candidate.attribute("id").value() &&
          listed.short_version == candidate.attribute("version").value()) {
        element = candidate;
        break;
      }
    }
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
    element.append_attribute("listed") = "true";
  }
}

}  // namespace

void collect_system_extensions(const Source& source, Facts& facts) {
  add_database_entries(source, facts);
  merge_listing(source, facts);
}

}  // namespace nwaudit
