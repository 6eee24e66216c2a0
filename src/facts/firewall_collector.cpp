#include "facts/collector_support.h"
#include "nwaudit/facts/collectors.h"

namespace nwaudit {
namespace {

constexpr const char* kCollector = "firewall";
constexpr const char* kPreferences = "/Library/Preferences/com.apple.alf.plist";
// Where a configuration profile's Firewall payload (com.apple.security.firewall) lands.
constexpr const char* kManagedProfile = "/Library/Managed Preferences/com.apple.security.firewall.plist";

}  // namespace

// The firewall's own preferences say globalstate 0 (off), 1 (on) or 2 (on, blocking all
// incoming connections). A managed profile, when present, decides instead.
void collect_firewall(const Source& source, Facts& facts) {
  std::optional<bool> enabled;
  bool block_all = false;
  bool stealth = false;
  const char* decided_by = kPreferences;

  if (auto preferences = collector::read_plist(source, facts, kCollector, kPreferences)) {
    const plist::Value* state = preferences->find("globalstate");
    const long long global_state = state != nullptr && state->integer() ? *state->integer() : 0;
    enabled = global_state != 0;
    block_all = global_state == 2;
    stealth = collector::flag(&*preferences, "stealthenabled").value_or(false);
  }
  if (source.status(kManagedProfile)) {
    if (auto profile = collector::read_plist(source, facts, kCollector, kManagedProfile)) {
      if (auto managed = collector::flag(&*profile, "EnableFirewall")) {
        enabled = managed;
        block_all = *managed && collector::flag(&*profile, "BlockAllIncoming").value_or(false);
        stealth = collector::flag(&*profile, "EnableStealthMode").value_or(stealth);
        decided_by = kManagedProfile;
      }
    }
  }
  if (!enabled) return;
  pugi::xml_node element = facts.add("application-firewall");
  element.append_attribute("enabled") = collector::boolean(*enabled);
  element.append_attribute("block-all") = collector::boolean(block_all);
  element.append_attribute("stealth") = collector::boolean(stealth);
  element.append_attribute("managed") = collector::boolean(decided_by == kManagedProfile);
  element.append_attribute("source") = decided_by;
}

}  // namespace nwaudit
