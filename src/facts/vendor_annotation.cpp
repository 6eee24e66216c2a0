#include <array>

#include "collector_registry.h"
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
      FactElement annotated = facts.element(element);
      annotated.set("vendor", match->vendor);
      if (!match->product.empty()) annotated.set("product", match->product);
      if (!match->kind.empty()) annotated.set("vendor-kind", match->kind);
      // Remedies are for kernel extensions; the other kinds are already the modern form.
      if (!match->remedy.empty() && std::string_view(identified.element) == "kext") {
        annotated.set("vendor-remedy", match->remedy);
      }
    }
  }
}

namespace collector {
namespace {

// The same attributes on every element whose identifier the catalog may know.
constexpr contract::Attribute kVendor[] = {
    {"vendor", contract::Type::text, "who makes it, from the vendor files (rules/vendors.xml and users' own)"},
    {"product", contract::Type::text, "the product it belongs to, when the vendor files name one"},
    {"vendor-kind", contract::Type::text,
     "what kind of network component the vendor files say it is: socket-filter, content-filter, packet-tunnel, ..."},
};
constexpr contract::Attribute kKextVendor[] = {
    {"vendor-remedy", contract::Type::text,
     "what its vendor provides to remove or replace it (an uninstaller, a Network Extension release), when known"},
};
constexpr contract::Element kContract[] = {
    {"/facts/kext", "", "", kVendor},
    {"/facts/kext", "", "", kKextVendor},
    {"/facts/system-extension", "", "", kVendor},
    {"/facts/ne-configuration", "", "", kVendor},
    {"/facts/service", "", "", kVendor},
};

}  // namespace

extern const Registration vendor_annotations_collector{
    {"vendors", kContract}, [](const Input& input, Facts& facts) { annotate_vendors(facts, input.vendors()); }};

}  // namespace collector

}  // namespace nwaudit
