#include "relay_preferences_redaction.h"

#include <string>

#include "nwaudit/facts/private_relay_status.h"
#include "nwaudit/plist/write_xml.h"

namespace nwaudit::redact {

bool is_relay_preferences(std::string_view file_name) {
  const std::string_view preferences = private_relay::kUserPreferences;
  return file_name == preferences.substr(preferences.rfind('/') + 1);
}

void keep_only_relay_status(plist::Value& preferences) {
  const auto status = private_relay::service_status(preferences, "");
  plist::Dictionary kept;
  if (status) {
    const plist::Value archive(plist::Dictionary{
        {"$archiver", "NSKeyedArchiver"},
        {"$version", 100000},
        {"$top", plist::Dictionary{{std::string(private_relay::kStatusObject), plist::Uid{1}}}},
        {"$objects", plist::Array{"$null", plist::Dictionary{{std::string(private_relay::kStatusField), *status}}}},
    });
    const std::string bytes = plist::write_xml(archive);
    kept.emplace(std::string(private_relay::kStatusKey), plist::Data(bytes.begin(), bytes.end()));
  }
  preferences = plist::Value(std::move(kept));
}

}  // namespace nwaudit::redact
