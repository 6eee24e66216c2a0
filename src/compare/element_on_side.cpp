#include "element_on_side.h"

#include "nwaudit/rules/evaluate.h"

namespace nwaudit::diff {
namespace {

bool is_pseudonym(std::string_view value) {
  const std::size_t dash = value.rfind('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 == value.size()) return false;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    const bool letter = c >= 'a' && c <= 'z';
    const bool digit = c >= '0' && c <= '9';
    if (i < dash ? !(letter || (digit && i > 0)) : (i > dash && !digit)) return false;
  }
  return true;
}

}  // namespace

std::string value_of(const Attributes& attributes, std::string_view name) {
  for (const auto& [key, value] : attributes) {
    if (key == name) return value;
  }
  return {};
}

ElementOnSide element_on(const AuditedMac& mac, std::string_view element, std::string_view subject) {
  ElementOnSide found;
  if (mac.facts) {
    const pugi::xml_node node = mac.facts->document_element().find_node([&](pugi::xml_node candidate) {
      return candidate.type() == pugi::node_element && element == candidate.name() && subject_of(candidate) == subject;
    });
    found.known = node ? ElementOnSide::Known::present : ElementOnSide::Known::absent;
    for (pugi::xml_attribute attribute : node.attributes()) {
      if (std::string_view(attribute.name()) != "source") found.attributes.emplace_back(attribute.name(), attribute.value());
    }
    return found;
  }
  for (const Finding& finding : mac.result.findings) {
    if (finding.evidence_element == element && finding.subject == subject) {
      found.known = ElementOnSide::Known::present;
      found.attributes = finding.evidence;
      break;
    }
  }
  return found;
}

bool is_noise_attribute(std::string_view name) {
  static constexpr std::string_view kNoise[] = {"source", "line", "time", "first", "last", "socket-flows", "nexus-flows"};
  for (const std::string_view noise : kNoise) {
    if (name == noise) return true;
  }
  return name.ends_with("-total");
}

bool both_pseudonyms(std::string_view a, std::string_view b) {
  return is_pseudonym(a) && is_pseudonym(b) && a.substr(0, a.rfind('-')) == b.substr(0, b.rfind('-'));
}

std::string without_pseudonym(std::string_view value) {
  if (!is_pseudonym(value)) return std::string(value);
  return std::string(value.substr(0, value.rfind('-'))) + "-*";
}

std::string upper_first(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

std::string lower_first(std::string text) {
  const bool acronym = text.size() > 1 && text[1] >= 'A' && text[1] <= 'Z';
  if (!text.empty() && !acronym && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

}  // namespace nwaudit::diff
