#pragma once

#include <string_view>

#include "nwaudit/plist/value.h"

namespace nwaudit::redact {

// Whether a file is a user's networkserviceproxy preferences (nwaudit-facts(5), /facts/private-relay).
bool is_relay_preferences(std::string_view file_name);

// Keeps of those preferences only what nwaudit reads, the Private Relay status, in an archive of
// its own: the rest lists the networks the Mac joined, by name, inside archived data that the
// key-by-key redaction cannot see. Without a readable status nothing is kept.
void keep_only_relay_status(plist::Value& preferences);

}  // namespace nwaudit::redact
