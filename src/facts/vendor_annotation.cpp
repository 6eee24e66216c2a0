#include <array>

#include "nwaudit/facts/collectors.h"

namespace nwaudit {
namespace {

// The elements whose identifiers name a vendor's component, and which attributes hold them.
struct Identified {
  const char* element;
  const char* bundle_id;
  const char* team_id;  // may be nullptr
};
constexpr std::array<Identified, 4> kIdentified{{
    {"kext", "id", nullptr},
    {"system-extension", "id", "team"},
    {"ne-configuration", "provider", nullptr},
    {"service", "subtype", nullptr},
}};

}  // namespace

void annotate_vendors(Facts& facts, const VendorCatalog& vendors) {
  pugi::xml_node root = facts.root();
  for (const Identified& identified : kIdentified) {
    for (pugi::xml_node element : root.children(identified.element)) {
      const char* team = identified.team_id != nullptr ? element.attribute(identified.team_id).value() : "";
      auto match = vendors.find(element.attribute(identified.bundle_id).value(), team);
      if (!match && std::string_view(identified.element) == "ne-configuration") {
        match = vendors.find(element.attribute("application").value(), "");
      }
      if (!match) continue;
      element.append_attribute("vendor") = match->vendor.c_str();
      if (!match->product.empty()) element.append_attribute("product") = match->product.c_str();
      if (!match->kind.empty()) element.append_attribute("vendor-kind") = match->kind.c_str();
    }
  }
}

}  // namespace nwaudit
