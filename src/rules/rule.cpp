#include "nwaudit/rules/rule.h"

#include <array>
#include <charconv>
#include <utility>

namespace nwaudit {
namespace {

template <class Enum, std::size_t N>
using Names = std::array<std::pair<Enum, const char*>, N>;

constexpr Names<Cause, 18> kCauses{{
    {Cause::os_version, "os-version"}, {Cause::socket_filter, "socket-filter"}, {Cause::ip_filter, "ip-filter"},
    {Cause::interface_filter, "interface-filter"}, {Cause::application_firewall, "application-firewall"},
    {Cause::parental_controls, "parental-controls"}, {Cause::pf, "pf"}, {Cause::boot_args, "boot-args"},
    {Cause::netagent_disabled, "netagent-disabled"}, {Cause::kext_interface, "kext-interface"},
    {Cause::tunnel, "tunnel"}, {Cause::bridge, "bridge"}, {Cause::legacy_driver, "legacy-driver"},
    {Cause::content_filter, "content-filter"}, {Cause::proxy, "proxy"}, {Cause::vpn, "vpn"},
    {Cause::fd_limit, "fd-limit"}, {Cause::other, "other"},
}};
constexpr Names<Effect, 5> kEffects{{
    {Effect::blocks_verdict, "blocks-verdict"}, {Effect::all_connections, "all-connections"},
    {Effect::some_connections, "some-connections"}, {Effect::latent, "latent"}, {Effect::informational, "informational"},
}};
constexpr Names<Severity, 5> kSeverities{{
    {Severity::info, "info"}, {Severity::low, "low"}, {Severity::medium, "medium"}, {Severity::high, "high"},
    {Severity::critical, "critical"},
}};
constexpr Names<Confidence, 4> kConfidences{{
    {Confidence::low, "low"}, {Confidence::medium, "medium"}, {Confidence::high, "high"},
    {Confidence::confirmed, "confirmed"},
}};

template <class Enum, std::size_t N>
const char* name_of(const Names<Enum, N>& names, Enum value) {
  for (const auto& [candidate, name] : names) {
    if (candidate == value) return name;
  }
  return "unknown";
}

template <class Enum, std::size_t N>
std::optional<Enum> value_of(const Names<Enum, N>& names, std::string_view text) {
  for (const auto& [value, name] : names) {
    if (text == name) return value;
  }
  return std::nullopt;
}

}  // namespace

const char* to_string(Cause cause) { return name_of(kCauses, cause); }
const char* to_string(Effect effect) { return name_of(kEffects, effect); }
const char* to_string(Severity severity) { return name_of(kSeverities, severity); }
const char* to_string(Confidence confidence) { return name_of(kConfidences, confidence); }
std::optional<Cause> cause_from(std::string_view text) { return value_of(kCauses, text); }
std::optional<Effect> effect_from(std::string_view text) { return value_of(kEffects, text); }
std::optional<Severity> severity_from(std::string_view text) { return value_of(kSeverities, text); }
std::optional<Confidence> confidence_from(std::string_view text) { return value_of(kConfidences, text); }

Confidence lower(Confidence confidence) {
  return confidence == Confidence::low ? confidence : static_cast<Confidence>(static_cast<int>(confidence) - 1);
}

std::optional<OsVersion> OsVersion::parse(std::string_view text) {
  OsVersion version;
  int* parts[] = {&version.major, &version.minor, &version.patch};
  for (std::size_t index = 0; index < 3; ++index) {
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *parts[index]);
    if (error != std::errc() || *parts[index] < 0) return std::nullopt;
    text.remove_prefix(static_cast<std::size_t>(end - text.data()));
    if (text.empty()) {
      version.parts = static_cast<int>(index) + 1;
      return version;
    }
    if (text.front() != '.' || index == 2) return std::nullopt;
    text.remove_prefix(1);
  }
  return std::nullopt;
}

bool OsVersion::at_most(const OsVersion& maximum) const {
  if (major != maximum.major || maximum.parts == 1) return major <= maximum.major;
  if (minor != maximum.minor || maximum.parts == 2) return minor <= maximum.minor;
  return patch <= maximum.patch;
}

std::string OsVersion::text() const {
  std::string text = std::to_string(major) + "." + std::to_string(minor);
  if (patch != 0) text.append(".").append(std::to_string(patch));
  return text;
}

}  // namespace nwaudit
