#pragma once

#include "nwaudit/facts/facts.h"

namespace nwaudit {

// Names the configuration profile behind each setting a profile's payload installs: the
// Application Firewall, a Network Extension configuration, a VPN service. The setting gets the
// profile's names and the payload's type; the payload gets applies-to. Runs after the
// collectors of those settings and of /facts/profile.
void attribute_profiles(Facts& facts);

}  // namespace nwaudit
