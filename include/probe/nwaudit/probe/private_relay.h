#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "nwaudit/probe/probe.h"

namespace nwaudit {

// "on", "off" and "unknown", the facts' words; anything else is unknown.
PrivateRelayState private_relay_state_from(std::string_view word);

// Whether Private Relay may carry connections to `target`: it relays plain HTTP (port 80) and
// unencrypted DNS (port 53), many connections over one QUIC flow to Apple's relay.
bool relay_may_carry(const ProbeEndpoint& target);

// What a report says about probing `target` while Private Relay is in `state`; nullopt when the
// relay does not carry that port or is known to be off.
std::optional<std::string> relay_caveat(const ProbeEndpoint& target, PrivateRelayState state);

}  // namespace nwaudit
