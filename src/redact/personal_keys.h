#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pseudonyms.h"

// Where personal values live in property lists and in the facts, by the name of their key,
// and how each kind of value is replaced.
namespace nwaudit::redact {

// What a property-list key holds, compared without case.
enum class KeyKind {
  other,       // anything: patterns only
  personal,    // a value of one kind (see personal_kind)
  label,       // a name someone gave (UserDefinedName): replaced unless macOS gave it
  url,         // a URL whose host is a server
  exceptions,  // proxy exceptions: hosts, except macOS's defaults
  version,     // a version or build: kept, and never taken for an address
};

struct KeyRule {
  KeyKind what = KeyKind::other;
  Kind kind = Kind::name;  // for personal
};

KeyRule rule_for_key(std::string_view key);

// A name macOS gives a service, interface, bridge or location ("Wi-Fi", "Thunderbolt Bridge 2",
// "Ethernet Adaptor (en4)", "Automatic"): not personal.
bool is_stock_name(std::string_view name);

// A server named by a host, an address or a URL: the host or address replaced, the scheme,
// port and path kept.
std::string redact_server(std::string_view value, Pseudonyms& names);

// A value of one kind; a server through redact_server, a label kept when it is a stock name.
std::string redact_value(Kind kind, std::string_view value, Pseudonyms& names);

// A Network Extension agent's description, "VPN: NAME": NAME is the VPN configuration's, kept
// when it is its app's name (marked kept when the configuration was seen) or a stock name.
std::string redact_agent_description(std::string_view description, Pseudonyms& names);

}  // namespace nwaudit::redact
