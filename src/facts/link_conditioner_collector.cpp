#include "collector_registry.h"
#include "collector_support.h"

namespace nwaudit {
namespace {

constexpr const char* kCollector = "link-conditioner";
constexpr const char* kPane = "/Library/PreferencePanes/Network Link Conditioner.prefPane";
constexpr const char* kInfo = "/Library/PreferencePanes/Network Link Conditioner.prefPane/Contents/Info.plist";

// Network Link Conditioner's preference pane, which Xcode's Additional Tools install. Installed,
// it changes nothing; switched on, it shapes traffic through pf (the pf collector finds its
// anchors). Only Macs where someone installed it have the bundle, so its absence is no gap.
void collect_link_conditioner(const collector::Input& input, Facts& facts) {
  const auto pane = input.source.status(kPane);
  if (!pane && pane.error().kind == ErrorKind::not_found) return;
  auto info = collector::read_plist(input.source, facts, kCollector, kInfo);
  FactElement conditioner = facts.add("link-conditioner");
  conditioner.set("path", kPane);
  if (!info) return;  // installed, its version unknown: coverage says why
  conditioner.set("version", info->fields.text(&info->root, "CFBundleShortVersionString"));
  conditioner.set("source", kInfo);
}

constexpr contract::Attribute kConditioner[] = {
    {"path", contract::Type::path, "the preference pane bundle"},
    {"version", contract::Type::text, "its CFBundleShortVersionString"},
    {"source", contract::Type::path, "its Info.plist, when it could be read"},
};
constexpr contract::Element kContract[] = {
    {"/facts/link-conditioner", "Network Link Conditioner's preference pane, installed", kInfo, kConditioner},
};

}  // namespace

namespace collector {
extern const Registration link_conditioner_collector{{kCollector, kContract}, collect_link_conditioner};
}  // namespace collector

}  // namespace nwaudit
