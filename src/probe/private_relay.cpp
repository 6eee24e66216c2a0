#include "nwaudit/probe/private_relay.h"

#include <fmt/format.h>

namespace nwaudit {
namespace {

constexpr std::uint16_t kPlainHttpPort = 80;
constexpr std::uint16_t kDnsPort = 53;

std::string_view carried_traffic(std::uint16_t port) {
  return port == kDnsPort ? "unencrypted DNS (port 53)" : "plain HTTP (port 80)";
}

}  // namespace

PrivateRelayState private_relay_state_from(std::string_view word) {
  if (word == "on") return PrivateRelayState::on;
  if (word == "off") return PrivateRelayState::off;
  return PrivateRelayState::unknown;
}

bool relay_may_carry(const ProbeEndpoint& target) { return target.port == kPlainHttpPort || target.port == kDnsPort; }

std::optional<std::string> relay_caveat(const ProbeEndpoint& target, PrivateRelayState state) {
  if (!relay_may_carry(target) || state == PrivateRelayState::off) return std::nullopt;
  const std::string opening = state == PrivateRelayState::on
                                  ? "iCloud Private Relay is on on this Mac"
                                  : "nwaudit does not know whether iCloud Private Relay is on here";
  return fmt::format("{}, and the relay carries {}: connections to {}:{} may all travel in one QUIC flow to "
                     "Apple's relay, which looks like user-space networking whatever path direct connections "
                     "take, so this probe cannot show the path. Probe a TLS port your app uses instead "
                     "(--probe-target HOST:443).",
                     opening, carried_traffic(target.port), target.host, target.port);
}

}  // namespace nwaudit
