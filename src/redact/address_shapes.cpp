#include "address_shapes.h"

#include <cctype>

#include "text_scan.h"

namespace nwaudit::redact {
namespace {

bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A mask of contiguous ones from the top: 255.255.255.0, 255.255.252.0, ...
bool is_netmask(const Ipv4& address) {
  const std::uint32_t value = (std::uint32_t{address[0]} << 24) | (std::uint32_t{address[1]} << 16) |
                              (std::uint32_t{address[2]} << 8) | address[3];
  const std::uint32_t inverted = ~value;
  return value != 0 && (inverted & (inverted + 1)) == 0;
}

}  // namespace

std::optional<Ipv4> parse_ipv4(std::string_view text) {
  Ipv4 address{};
  std::size_t at = 0;
  for (std::size_t octet = 0; octet < 4; ++octet) {
    if (octet > 0) {
      if (at >= text.size() || text[at] != '.') return std::nullopt;
      ++at;
    }
    const std::size_t start = at;
    unsigned value = 0;
    while (at < text.size() && is_digit(text[at]) && at - start < 3) value = value * 10 + unsigned(text[at++] - '0');
    const std::size_t digits = at - start;
    if (digits == 0 || value > 255 || (digits > 1 && text[start] == '0')) return std::nullopt;
    address[octet] = static_cast<std::uint8_t>(value);
  }
  if (at != text.size()) return std::nullopt;
  return address;
}

bool is_common_ipv4(const Ipv4& address) {
  if (address[0] == 127 || address[0] >= 224) return true;  // loopback, multicast, reserved, broadcast
  if (address == Ipv4{0, 0, 0, 0}) return true;
  return address[0] == 255 && is_netmask(address);
}

std::string ipv4_label(const Ipv4& address) {
  if (address[0] == 10) return "10.x";
  if (address[0] == 172 && (address[1] & 0xF0) == 16) return "172.16.x";
  if (address[0] == 192 && address[1] == 168) return "192.168.x";
  if (address[0] == 169 && address[1] == 254) return "169.254.x";
  if (address[0] == 100 && (address[1] & 0xC0) == 64) return "100.64.x";
  return "ipv4";
}

std::size_t ipv6_length(std::string_view text) {
  std::size_t at = 0, groups = 0, end = 0;
  bool compressed = false;
  if (text.starts_with("::")) {
    compressed = true;
    at = 2;
    end = 2;
  }
  while (at < text.size()) {
    std::size_t digits = 0;
    while (at + digits < text.size() && is_hex(text[at + digits]) && digits < 5) ++digits;
    if (digits == 0 || digits > 4) break;
    // A dotted IPv4 tail ("::ffff:192.0.2.1") ends the address.
    if (at + digits < text.size() && text[at + digits] == '.' && (compressed || groups == 6)) {
      std::size_t tail = at;
      while (tail < text.size() && (is_digit(text[tail]) || text[tail] == '.')) ++tail;
      if (parse_ipv4(text.substr(at, tail - at))) {
        end = tail;
        groups += 2;
      }
      break;
    }
    at += digits;
    ++groups;
    end = at;
    if (at + 1 < text.size() && text[at] == ':' && text[at + 1] == ':' && !compressed) {
      compressed = true;
      at += 2;
      end = at;
      continue;
    }
    if (at + 1 < text.size() && text[at] == ':' && is_hex(text[at + 1])) {
      ++at;
      continue;
    }
    break;
  }
  if (compressed ? groups <= 7 : groups == 8) return end;
  return 0;
}

bool is_common_ipv6(std::string_view address) {
  const std::string value = lower_case(address);
  return value == "::" || value == "::1" || value == "fe80::1" || value.starts_with("ff");
}

std::string ipv6_label(std::string_view address) {
  const std::string value = lower_case(address);
  if (value.starts_with("fe8") || value.starts_with("fe9") || value.starts_with("fea") || value.starts_with("feb")) {
    return "fe80::x";
  }
  if (value.starts_with("fc") || value.starts_with("fd")) return "fd00::x";
  return "ipv6";
}

std::size_t mac_length(std::string_view text) {
  std::size_t at = 0;
  for (int group = 0; group < 6; ++group) {
    if (group > 0) {
      if (at >= text.size() || text[at] != ':') return 0;
      ++at;
    }
    std::size_t digits = 0;
    while (at + digits < text.size() && is_hex(text[at + digits]) && digits < 3) ++digits;
    if (digits == 0 || digits > 2) return 0;
    at += digits;
  }
  return at;
}

bool is_common_mac(std::string_view address) {
  const std::string value = lower_case(address);
  return value == "0:0:0:0:0:0" || value == "00:00:00:00:00:00" || value == "ff:ff:ff:ff:ff:ff";
}

}  // namespace nwaudit::redact
