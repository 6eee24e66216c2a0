#include "pseudonyms.h"

#include "address_shapes.h"

namespace nwaudit::redact {
namespace {

constexpr Kind kAllKinds[] = {Kind::user,   Kind::host,   Kind::serial, Kind::hardware_uuid, Kind::mac,
                              Kind::ipv4,   Kind::ipv6,   Kind::ssid,   Kind::server,        Kind::email,
                              Kind::account, Kind::name,  Kind::secret};

// The label a pseudonym starts with; empty when the value is the same on every Mac.
std::string label_of(Kind kind, std::string_view value) {
  switch (kind) {
    case Kind::ipv4: {
      const auto address = parse_ipv4(value);
      if (!address) return "ipv4";
      return is_common_ipv4(*address) ? std::string() : ipv4_label(*address);
    }
    case Kind::ipv6: return is_common_ipv6(value) ? std::string() : ipv6_label(value);
    case Kind::mac: return is_common_mac(value) ? std::string() : "mac";
    case Kind::hardware_uuid: return "uuid";
    default: return to_string(kind);
  }
}

}  // namespace

const char* to_string(Kind kind) {
  switch (kind) {
    case Kind::user: return "user";
    case Kind::host: return "host";
    case Kind::serial: return "serial";
    case Kind::hardware_uuid: return "hardware-uuid";
    case Kind::mac: return "mac";
    case Kind::ipv4: return "ipv4";
    case Kind::ipv6: return "ipv6";
    case Kind::ssid: return "ssid";
    case Kind::server: return "server";
    case Kind::email: return "email";
    case Kind::account: return "account";
    case Kind::name: return "name";
    case Kind::secret: return "secret";
  }
  return "?";
}

std::string Pseudonyms::of(Kind kind, std::string_view value) {
  if (value.empty() || kept(value) || is_pseudonym(value)) return std::string(value);
  if (const auto known = by_value_.find(value); known != by_value_.end()) return known->second;
  const std::string label = label_of(kind, value);
  if (label.empty()) return std::string(value);
  std::string pseudonym = label + "-" + std::to_string(++last_number_[label]);
  by_value_.emplace(std::string(value), pseudonym);
  pseudonyms_.insert(pseudonym);
  replaced_.push_back({std::string(value), pseudonym, kind});
  ++counts_[kind];
  return pseudonym;
}

void Pseudonyms::keep(std::string_view value) {
  if (!value.empty() && !by_value_.contains(value)) kept_.emplace(value);
}

bool Pseudonyms::kept(std::string_view value) const { return kept_.contains(value); }

std::vector<RedactedKind> Pseudonyms::kinds() const {
  std::vector<RedactedKind> kinds;
  for (Kind kind : kAllKinds) {
    if (const auto count = counts_.find(kind); count != counts_.end()) kinds.push_back({to_string(kind), count->second});
  }
  return kinds;
}

}  // namespace nwaudit::redact
