#include "cause_words.h"

#include <fmt/core.h>

#include "element_on_side.h"

namespace nwaudit::diff {
namespace {


// "is loaded", "is installed but not loaded", ...
std::string kext_state(const Attributes& kext) {
  const std::string loaded = value_of(kext, "loaded");
  if (loaded == "true") return "is loaded";
  if (loaded == "unknown") return "is installed, and whether it is loaded is unknown";
  return value_of(kext, "installed") == "true" ? "is installed but not loaded" : "is not loaded";
}

std::string kext_name(const Finding& kext) {
  std::string name = "the kext " + kext.subject;
  const std::string vendor = value_of(kext.evidence, "vendor");
  const std::string product = value_of(kext.evidence, "product");
  if (!product.empty()) name += " (" + product + (vendor.empty() ? "" : " by " + vendor) + ")";
  return name;
}

std::string firewall_state(const Attributes& firewall) {
  if (value_of(firewall, "enabled") != "true") return "is off";
  return value_of(firewall, "block-all") == "true" ? "is on and blocks all incoming connections" : "is on";
}

// The attributes whose values differ, as "name: X on A, Y on B", leaving out noise.
std::string differing_attributes(const Attributes& here, const Attributes& there, Side side) {
  const char* here_name = side_name(side);
  const char* there_name = side_name(other_side(side));
  std::string listed;
  std::size_t shown = 0;
  for (const auto& [name, value] : here) {
    const std::string other = value_of(there, name);
    if (is_noise_attribute(name) || other == value || both_pseudonyms(value, other)) continue;
    if (shown++ == 3) break;
    auto quoted = [](const std::string& text) { return text.empty() ? std::string("empty") : "\"" + text + "\""; };
    listed += fmt::format("{}{} is {} on {} and {} on {}", listed.empty() ? "" : "; ", name, quoted(value), here_name,
                          quoted(other), there_name);
  }
  return listed;
}

// How the thing stands on `there`, when the facts of `there` do not say the same.
std::string elsewhere_generic(const Finding& cause, Side side, const ElementOnSide& there) {
  const char* there_name = side_name(other_side(side));
  switch (there.known) {
    case ElementOnSide::Known::absent:
      if (cause.evidence_element == "kernel") return fmt::format("{} has no captured kernel state", there_name);
      return fmt::format("{} has no such {}", there_name, cause.evidence_element);
    case ElementOnSide::Known::unknown:
      return fmt::format("{} is a saved report, whose findings do not say how this stands there", there_name);
    case ElementOnSide::Known::present: break;
  }
  const std::string differing = differing_attributes(cause.evidence, there.attributes, side);
  return differing.empty() ? fmt::format("on {} it is not so", there_name)
                           : fmt::format("on {} it is not so ({})", there_name, differing);
}

// The same finding on `there`, when it is there but not counted as a cause.
const Finding* same_finding(const Finding& cause, const AuditedMac& there) {
  for (const Finding& finding : there.result.findings) {
    if (finding.rule != nullptr && finding.rule->id == cause.rule->id && finding.subject == cause.subject) return &finding;
  }
  return nullptr;
}

}  // namespace

CauseDifference describe_cause(const Finding& cause, Side side, const AuditedMac& here, const AuditedMac& there) {
  CauseDifference difference{side, {}, {}, {cause.rule->id}};
  const char* there_name = side_name(other_side(side));
  const ElementOnSide other = element_on(there, cause.evidence_element, cause.subject);
  const std::string& element = cause.evidence_element;
  if (element == "kext") {
    difference.what = kext_name(cause) + " " + kext_state(cause.evidence);
    if (other.present()) {
      difference.elsewhere = fmt::format("on {} it {}", there_name, kext_state(other.attributes));
    } else if (other.known == ElementOnSide::Known::absent) {
      difference.elsewhere = fmt::format("{} does not have it", there_name);
    }
  } else if (element == "application-firewall") {
    difference.what = "the Application Firewall " + firewall_state(cause.evidence);
    if (other.present()) difference.elsewhere = fmt::format("on {} it {}", there_name, firewall_state(other.attributes));
  } else if (element == "os") {
    difference.what = lower_first(cause.rule->title) + " (macOS " + here.result.host.version + ")";
    difference.elsewhere = fmt::format("{} runs macOS {}", there_name,
                                       there.result.host.version.empty() ? "of an unknown version" : there.result.host.version);
  } else {
    difference.what = lower_first(cause.rule->title);
    if (!cause.subject.empty() && cause.subject != element) difference.what += " (" + cause.subject + ")";
  }
  if (const Finding* same = same_finding(cause, there)) {
    difference.elsewhere = fmt::format("on {} it is found too, but is not a cause there", there_name);
    if (!same->contradiction.empty()) difference.elsewhere += ": " + lower_first(same->contradiction);
  } else if (difference.elsewhere.empty()) {
    difference.elsewhere = elsewhere_generic(cause, side, other);
  }
  return difference;
}

}  // namespace nwaudit::diff
