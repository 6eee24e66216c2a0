#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// The shapes of network addresses in text, and which of them are the same on every Mac.
namespace nwaudit::redact {

using Ipv4 = std::array<std::uint8_t, 4>;

// Four dotted decimal octets, each 0-255 without a leading zero ("192.168.1.2").
std::optional<Ipv4> parse_ipv4(std::string_view text);

// Loopback, unspecified, broadcast, multicast and netmasks: nothing about one Mac.
bool is_common_ipv4(const Ipv4& address);

// The pseudonym's label, which keeps the kind of range: "10.x", "172.16.x", "192.168.x",
// "169.254.x" (link-local), "100.64.x" (carrier-grade NAT), else "ipv4".
std::string ipv4_label(const Ipv4& address);

// The length of the IPv6 address at text[0] (hex groups and colons, with "::" or eight
// groups, maybe ending in a dotted IPv4), 0 when there is none. The zone ("%en0") is not part of it.
std::size_t ipv6_length(std::string_view text);

// "::", "::1", "fe80::1" (lo0's) and multicast (ff00::/8).
bool is_common_ipv6(std::string_view address);

// "fe80::x" (link-local), "fd00::x" (unique local), else "ipv6".
std::string ipv6_label(std::string_view address);

// The length of the MAC address at text[0]: six groups of one or two hex digits joined by ':'; 0 when none.
std::size_t mac_length(std::string_view text);

// All zeros or all ones.
bool is_common_mac(std::string_view address);

}  // namespace nwaudit::redact
