#include "nwaudit/facts/vendor_catalog.h"

#include <algorithm>

namespace nwaudit {
void VendorCatalog::upsert(std::vector<Entry>& entries, Entry entry) {
  auto same = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.key == entry.key; });
  if (same != entries.end()) {
    *same = std::move(entry);
  } else {
    entries.push_back(std::move(entry));
  }
}

std::vector<Error> VendorCatalog::add(const XmlFile& file) {
  std::vector<Error> problems;
  for (pugi::xml_node node : file.root().children()) {
    if (node.type() != pugi::node_element) continue;
    const std::string_view element = node.name();
    const std::string key = node.attribute("id").value();
    VendorMatch match{node.attribute("vendor").value(), node.attribute("product").value(),
                      node.attribute("kind").value(), node.attribute("source").value()};
    if (element != "identifier" && element != "prefix" && element != "team") {
      problems.push_back(file.error_at(node, "unknown element <" + std::string(element) + ">"));
      continue;
    }
    if (key.empty() || match.vendor.empty()) {
      problems.push_back(file.error_at(node, "<" + std::string(element) + "> needs id and vendor attributes"));
      continue;
    }
    auto& entries = element == "identifier" ? identifiers_ : element == "prefix" ? prefixes_ : teams_;
    upsert(entries, Entry{key, std::move(match)});
  }
  return problems;
}

std::optional<VendorMatch> VendorCatalog::find(std::string_view bundle_id, std::string_view team_id) const {
  if (!bundle_id.empty()) {
    for (const Entry& entry : identifiers_) {
      if (entry.key == bundle_id) return entry.match;
    }
    const Entry* longest = nullptr;
    for (const Entry& entry : prefixes_) {
      if (bundle_id.substr(0, entry.key.size()) == entry.key && (!longest || entry.key.size() > longest->key.size())) {
        longest = &entry;
      }
    }
    if (longest != nullptr) return longest->match;
  }
  if (!team_id.empty()) {
    for (const Entry& entry : teams_) {
      if (entry.key == team_id) return entry.match;
    }
  }
  return std::nullopt;
}

}  // namespace nwaudit
