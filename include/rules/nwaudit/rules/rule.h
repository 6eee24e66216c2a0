#pragma once

#include <compare>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace nwaudit {

struct Expression;  // a condition's syntax tree, private to the rules layer

// What makes Network.framework fall back to sockets; the fixed vocabulary of rule files.
enum class Cause {
  os_version, socket_filter, ip_filter, interface_filter, application_firewall, parental_controls, pf,
  boot_args, netagent_disabled, kext_interface, tunnel, bridge, legacy_driver, content_filter, proxy, vpn,
  fd_limit, other,
};

// Which connections a finding sends through sockets, or why there can be no verdict.
enum class Effect {
  blocks_verdict,    // "blocks-verdict": the facts do not describe a Mac nwaudit can judge
  all_connections,   // "all-connections": every Network.framework connection on this Mac
  some_connections,  // "some-connections": those over an interface, or matched by a filter or proxy
  latent,            // "latent": none now, but all or some once it becomes active (a kext not loaded)
  informational,     // "informational": context for the reader, no change of path
};

enum class Severity { info, low, medium, high, critical };

// How sure a finding is: "confirmed" when the kernel's own state (or a probe) says so.
enum class Confidence { low, medium, high, confirmed };

const char* to_string(Cause cause);
const char* to_string(Effect effect);
const char* to_string(Severity severity);
const char* to_string(Confidence confidence);
// One step less sure; low stays low.
Confidence lower(Confidence confidence);
std::optional<Cause> cause_from(std::string_view text);
std::optional<Effect> effect_from(std::string_view text);
std::optional<Severity> severity_from(std::string_view text);
std::optional<Confidence> confidence_from(std::string_view text);

// A macOS version as major.minor.patch, for rule OS ranges.
struct OsVersion {
  int major = 0, minor = 0, patch = 0;
  int parts = 3;  // how many were written: "14" is 1, and as a maximum admits every 14.x.y

  std::strong_ordering operator<=>(const OsVersion& other) const {
    if (major != other.major) return major <=> other.major;
    if (minor != other.minor) return minor <=> other.minor;
    return patch <=> other.patch;
  }
  bool operator==(const OsVersion& other) const { return (*this <=> other) == 0; }
  // Whether this version is within `maximum`, to the precision the maximum was written with.
  bool at_most(const OsVersion& maximum) const;

  static std::optional<OsVersion> parse(std::string_view text);  // "12", "12.3", "12.3.1"
  std::string text() const;
};

// Something the reader can do. Text fields may hold {@attribute} placeholders, filled from
// the element the rule selected. A fix is written out in its rule, or defined once with an
// id for several rules to offer (<fix ref="ID"/>); either way the rule holds it in full.
struct Fix {
  std::string audience;  // "mac" (its owner or admin) or "app" (the app's developer)
  std::string title;
  std::string description;
  std::string command;  // empty when there is none
  bool needs_admin = false;
  bool needs_reboot = false;
  bool needs_mdm = false;
  std::string side_effects;
  // Offered only when the finding's element has (if_attribute), or lacks (unless_attribute), this
  // attribute: a vendor's own remedy where one is known, the general one where none is.
  std::string if_attribute;
  std::string unless_attribute;
  std::string id;    // a shared fix's id ("NWA-FIX-APP-RAISE-FD-LIMIT"); empty for one written in its rule
  std::string file;  // where a shared fix is defined
  std::size_t line = 0;
};

struct Reference {
  std::string title;  // e.g. "xnu bsd/kern/kpi_socketfilter.c, net_check_compatible_sfltr()"
  std::string url;    // may be empty
};

// One rule as loaded from a rule file.
struct Rule {
  std::string id;
  std::string title;
  Cause cause = Cause::other;
  Effect effect = Effect::informational;
  Severity severity = Severity::info;
  Confidence confidence = Confidence::low;
  std::optional<OsVersion> os_min;  // inclusive
  std::optional<OsVersion> os_max;  // inclusive
  std::string condition;            // XPath 1.0 over the facts; each selected element is a finding's subject
  std::shared_ptr<const pugi::xpath_query> compiled;  // the condition, compiled when the rule was loaded
  std::shared_ptr<const Expression> syntax;           // its tree, read then to bound its cost; null when unreadable
  std::string message;              // with placeholders
  std::string explanation;
  std::vector<Fix> fixes;
  std::vector<Reference> references;
  std::string file;  // where it was loaded from
  std::size_t line = 0;
};

}  // namespace nwaudit
