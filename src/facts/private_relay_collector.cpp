#include <fmt/format.h>

#include "collector_registry.h"
#include "collector_support.h"
#include "nwaudit/facts/private_relay_status.h"
#include "nwaudit/plist/parse.h"

namespace nwaudit {
namespace {

constexpr const char* kCollector = "private-relay";
constexpr const char* kUsers = "/Users";
// Where a configuration profile's Restrictions payload (com.apple.applicationaccess) lands, as
// the firewall's payload lands beside it.
constexpr const char* kRestrictions = "/Library/Managed Preferences/com.apple.applicationaccess.plist";
constexpr const char* kAllowKey = "allowCloudPrivateRelay";
constexpr const char* kEveryUsersPreferences = "/Users/*/Library/Preferences/com.apple.networkserviceproxy.plist";

// What the users' preferences say, counted; no user's name is kept.
struct Accounts {
  std::int64_t read = 0;      // a status was read
  std::int64_t on = 0;        // of which on
  std::int64_t unknown = 0;   // preferences there but unreadable, broken or with a status nwaudit does not know
  bool listed = false;        // /Users could be listed
};

// The restriction's allowCloudPrivateRelay, when a profile installed one.
std::optional<bool> allowed_by_profile(const Source& source, Facts& facts) {
  if (!source.status(kRestrictions)) return std::nullopt;
  auto restrictions = collector::read_plist(source, facts, kCollector, kRestrictions);
  if (!restrictions) return std::nullopt;
  return restrictions->fields.flag(&restrictions->root, kAllowKey);
}

void read_account(const Source& source, Facts& facts, const std::string& path, Accounts& accounts) {
  auto status = source.status(path);
  if (!status && status.error().kind == ErrorKind::not_found) {
    facts.record_problem(kCollector, status.error());  // a user the relay never ran for: nothing to count
    return;
  }
  static constexpr std::string_view kKeys[] = {private_relay::kStatusKey};  // the rest lists networks joined
  auto preferences = plist::read(source, path, kKeys);
  if (!preferences) {
    facts.record_problem(kCollector, preferences.error());
    ++accounts.unknown;
    return;
  }
  auto value = private_relay::service_status(*preferences, path);
  FactElement entry = facts.record_read(kCollector, path);
  if (!value) {
    collector::note_problem(entry, 0, value.error().describe());
    ++accounts.unknown;
  } else if (*value == 0 || *value == 1) {
    ++accounts.read;
    if (*value == 1) ++accounts.on;
  } else {
    collector::note_problem(entry, 0, fmt::format("{} is {}, a value nwaudit does not know", private_relay::kStatusField, *value));
    ++accounts.unknown;
  }
}

Accounts read_accounts(const Source& source, Facts& facts) {
  Accounts accounts;
  auto users = source.list_directory(kUsers);
  if (!users) {
    facts.record_problem(kCollector, users.error());
    return accounts;
  }
  accounts.listed = true;
  const std::size_t take = collector::entries_to_take(facts, kCollector, kUsers, users->size(), "user folders");
  for (std::size_t i = 0; i < take; ++i) {
    const DirectoryEntry& user = (*users)[i];
    if (user.type != FileType::directory || user.name.starts_with(".") || user.name == "Shared") continue;
    read_account(source, facts, std::string(kUsers) + "/" + user.name + "/" + std::string(private_relay::kUserPreferences),
                 accounts);
  }
  return accounts;
}

void collect_private_relay(const collector::Input& input, Facts& facts) {
  const std::optional<bool> allowed = allowed_by_profile(input.source, facts);
  const Accounts accounts = read_accounts(input.source, facts);
  FactElement relay = facts.add("private-relay");
  if (allowed) relay.set("allowed-by-profile", *allowed);
  relay.set("accounts-read", accounts.read);
  relay.set("accounts-on", accounts.on);
  if (allowed == false) {
    relay.set("state", "off");
    relay.set("reason", fmt::format("a configuration profile's Restrictions payload sets {} to false", kAllowKey));
    relay.set("source", kRestrictions);
    return;
  }
  relay.set("source", kEveryUsersPreferences);
  if (accounts.on != 0) {
    relay.set("state", "on");
    relay.set("reason", fmt::format("{} is 1 (on) for {} of the {} users whose status was read",
                                    private_relay::kStatusField, accounts.on, accounts.read));
  } else if (accounts.listed && accounts.read != 0 && accounts.unknown == 0) {
    relay.set("state", "off");
    relay.set("reason", fmt::format("{} is 0 (off) for every user whose status was read ({})",
                                    private_relay::kStatusField, accounts.read));
  } else {
    relay.set("state", "unknown");
    relay.set("reason", !accounts.listed          ? std::string("the users' folders could not be listed")
                        : accounts.unknown != 0   ? fmt::format("the status of {} users could not be read", accounts.unknown)
                                                  : std::string("no user's networkserviceproxy preferences hold a status"));
  }
}

constexpr std::string_view kStates[] = {"on", "off", "unknown"};
constexpr contract::Attribute kRelay[] = {
    {"state", contract::Type::enumeration, "whether iCloud Private Relay is on for some user, off, or unknown", kStates},
    {"reason", contract::Type::text, "what decided the state, in words"},
    {"accounts-read", contract::Type::integer, "users whose Private Relay status was read"},
    {"accounts-on", contract::Type::integer, "of those, users for whom it is on"},
    {"allowed-by-profile", contract::Type::boolean, "a Restrictions payload's allowCloudPrivateRelay, when a profile sets it"},
    {"source", contract::Type::path, "the file that decided, or the users' preferences as a pattern"},
};
constexpr contract::Element kContract[] = {
    {"/facts/private-relay", "whether iCloud Private Relay is on",
     "/Users/*/Library/Preferences/com.apple.networkserviceproxy.plist, "
     "/Library/Managed Preferences/com.apple.applicationaccess.plist",
     kRelay},
};

}  // namespace

namespace collector {
extern const Registration private_relay_collector{{kCollector, kContract}, collect_private_relay};
}  // namespace collector

}  // namespace nwaudit
