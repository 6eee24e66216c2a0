#pragma once

#include <cstdint>
#include <string_view>

#include "nwaudit/base/expected.h"
#include "nwaudit/plist/value.h"

// Where macOS keeps whether iCloud Private Relay is on for a user, and how it is read. Known
// from public tools that read it (fleetdm's privaterelay osquery table, admins' scripts), not
// from Apple's documentation; nwaudit-facts(5), PRIVATE RELAY, says what is confirmed.
namespace nwaudit::private_relay {

// Each user's networkserviceproxy preferences, under the user's home folder.
constexpr std::string_view kUserPreferences = "Library/Preferences/com.apple.networkserviceproxy.plist";
// The key holding the service's state: a keyed archive (binary property list) in a data value.
constexpr std::string_view kStatusKey = "NSPServiceStatusManagerInfo";
// The archive's $top entry that is the status object, and its field.
constexpr std::string_view kStatusObject = "ServiceStatus";
constexpr std::string_view kStatusField = "PrivacyProxyServiceStatus";

// PrivacyProxyServiceStatus from the preferences' top-level dictionary: 1 on, 0 off in every
// public reading. An Error (not_found when the key is absent, malformed otherwise) naming `path`.
Expected<std::int64_t> service_status(const plist::Value& preferences, std::string_view path);

}  // namespace nwaudit::private_relay
