#include "collector_registry.h"
#include "collector_support.h"
#include "nwaudit/facts/collectors.h"

namespace nwaudit {
namespace {

constexpr const char* kCollector = "firewall";
constexpr const char* kPreferences = "/Library/Preferences/com.apple.alf.plist";
// Where a configuration profile's Firewall payload (com.apple.security.firewall) lands.
constexpr const char* kManagedProfile = "/Library/Managed Preferences/com.apple.security.firewall.plist";
constexpr const char* kFirewallPayload = "com.apple.security.firewall";

}  // namespace

// The firewall's own preferences say globalstate 0 (off), 1 (on) or 2 (on, blocking all
// incoming connections). A managed profile, when present, decides instead.
void collect_firewall(const Source& source, Facts& facts) {
  std::optional<bool> enabled;
  bool block_all = false;
  bool stealth = false;
  const char* decided_by = kPreferences;

  if (auto preferences = collector::read_plist(source, facts, kCollector, kPreferences)) {
    // An absent globalstate is off; one of another type leaves the state unknown.
    std::optional<std::int64_t> global_state = 0;
    if (preferences->root.find("globalstate") != nullptr) {
      global_state = preferences->fields.integer(&preferences->root, "globalstate");
    }
    if (global_state) {
      enabled = *global_state != 0;
      block_all = *global_state == 2;
    }
    stealth = preferences->fields.flag(&preferences->root, "stealthenabled").value_or(false);
  }
  if (source.status(kManagedProfile)) {
    if (auto profile = collector::read_plist(source, facts, kCollector, kManagedProfile)) {
      const plist::Value* payload = &profile->root;
      if (auto managed = profile->fields.flag(payload, "EnableFirewall")) {
        enabled = managed;
        block_all = *managed && profile->fields.flag(payload, "BlockAllIncoming").value_or(false);
        stealth = profile->fields.flag(payload, "EnableStealthMode").value_or(stealth);
        decided_by = kManagedProfile;
      }
    }
  }
  if (!enabled) return;
  FactElement element = facts.add("application-firewall");
  element.set("enabled", *enabled);
  element.set("block-all", block_all);
  element.set("stealth", stealth);
  element.set("managed", decided_by == kManagedProfile);
  if (decided_by == kManagedProfile) element.set("payload-type", kFirewallPayload);
  element.set("source", decided_by);
}

namespace collector {
namespace {

constexpr contract::Attribute kFirewall[] = {
    {"enabled", contract::Type::boolean,
     "whether the firewall is on (globalstate 1 or 2, or the profile's EnableFirewall)"},
    {"block-all", contract::Type::boolean, "whether it blocks all incoming connections (globalstate 2)"},
    {"stealth", contract::Type::boolean, "whether stealth mode is on"},
    {"managed", contract::Type::boolean, "whether a configuration profile decided the state"},
    {"source", contract::Type::path, "the file that decided it"},
    {"payload-type", contract::Type::text, "com.apple.security.firewall, when a profile's payload decided it"},
};
constexpr contract::Element kContract[] = {
    {"/facts/application-firewall", "the Application Firewall's state; absent when no state could be read",
     "/Library/Preferences/com.apple.alf.plist, /Library/Managed Preferences/com.apple.security.firewall.plist",
     kFirewall},
};

}  // namespace

extern const Registration firewall_collector{
    {kCollector, kContract}, [](const Input& input, Facts& facts) { collect_firewall(input.source, facts); }};

}  // namespace collector

}  // namespace nwaudit
