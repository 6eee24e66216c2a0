#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nwaudit/compare/audited_mac.h"

namespace nwaudit::diff {

using Attributes = std::vector<std::pair<std::string, std::string>>;

// The value of the attribute `name`; empty when there is none.
std::string value_of(const Attributes& attributes, std::string_view name);

// One element of the facts (a kext, the kernel, the firewall, ...) as one side knows it: from
// its facts, or, for a saved report, from the evidence of a finding about it.
struct ElementOnSide {
  enum class Known { present, absent, unknown };
  Known known = Known::unknown;
  Attributes attributes;  // without @source

  bool present() const { return known == Known::present; }
};

// The element named `element` whose subject (subject_of) is `subject`, anywhere in the facts.
ElementOnSide element_on(const AuditedMac& mac, std::string_view element, std::string_view subject);

// Attributes that say nothing about why the path differs: where a fact was read, a line
// number, a time, or a counter that grows with uptime.
bool is_noise_attribute(std::string_view name);

// Two values that are pseudonyms a redacted capture wrote ("host-1", "user-2"): different
// pseudonyms say nothing about the Macs.
bool both_pseudonyms(std::string_view a, std::string_view b);

// A pseudonym as its kind ("host-1" as "host-*"), so that elements named by different
// pseudonyms of one kind are the same element; any other value as it is.
std::string without_pseudonym(std::string_view value);

// "Capital first letter." / "lower-case first letter" (ASCII only).
std::string upper_first(std::string text);
std::string lower_first(std::string text);

}  // namespace nwaudit::diff
