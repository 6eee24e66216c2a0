#include "nwaudit/facts/vendor_catalog.h"

namespace nwaudit {

std::vector<Error> VendorCatalog::add(const XmlFile& file) {
  std::vector<Error> problems;
  for (pugi::xml_node node : file.root().children()) {
    if (node.type() != pugi::node_element) continue;
    const std::string_view element = node.name();
    const std::string key = node.attribute("id").value();
    VendorMatch match{node.attribute("vendor").value(), node.attribute("product").value(),
                      node.attribute("kind").value(), node.attribute("source").value(),
                      node.attribute("remedy").value()};
    if (element != "identifier" && element != "prefix" && element != "team") {
      problems.push_back(file.error_at(node, "unknown element <" + std::string(element) + ">"));
      continue;
    }
    if (key.empty() || match.vendor.empty()) {
      problems.push_back(file.error_at(node, std::string("<").append(element).append("> needs id and vendor attributes")));
      continue;
    }
    auto& entries = element == "identifier" ? identifiers_ : element == "prefix" ? prefixes_ : teams_;
    entries.insert_or_assign(key, std::move(match));
  }
  return problems;
}

std::optional<VendorMatch> VendorCatalog::find(std::string_view bundle_id, std::string_view team_id) const {
  if (!bundle_id.empty()) {
    if (auto found = identifiers_.find(bundle_id); found != identifiers_.end()) return found->second;
    const Entries::value_type* longest = nullptr;
    for (const auto& entry : prefixes_) {
      const std::string& prefix = entry.first;
      if (bundle_id.substr(0, prefix.size()) == prefix && (!longest || prefix.size() > longest->first.size())) {
        longest = &entry;
      }
    }
    if (longest != nullptr) return longest->second;
  }
  if (!team_id.empty()) {
    if (auto found = teams_.find(team_id); found != teams_.end()) return found->second;
  }
  return std::nullopt;
}

}  // namespace nwaudit
