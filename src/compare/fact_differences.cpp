#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <tuple>

#include "differences.h"
#include "element_on_side.h"
#include "nwaudit/facts/facts_contract.h"
#include "nwaudit/rules/evaluate.h"

namespace nwaudit::diff {
namespace {

// One element of a facts document, named in words by its place ("interface en0, agent Skywalk FlowSwitch").
struct FlatElement {
  std::string group;
  std::string parent;  // the parent's words; empty for a child of <facts>
  Attributes attributes;
  std::size_t order = 0;
};
using FlatFacts = std::map<std::string, FlatElement>;

// What tells an element from its siblings: its subject; below the top, where it was read
// from (a claim of sw_vers against one of sysctl); nothing when it is the only one of its
// name (<os>, <kernel>); else its attributes' values.
std::string identity(pugi::xml_node node, bool top) {
  std::string subject = subject_of(node);
  if (subject != node.name()) return without_pseudonym(subject);
  if (const char* source = node.attribute("source").value(); !top && *source != '\0') return std::string("from ") + source;
  const auto same_name = node.parent().children(node.name());
  if (std::next(same_name.begin()) == same_name.end()) return {};
  std::string values;
  for (pugi::xml_attribute attribute : node.attributes()) {
    if (is_noise_attribute(attribute.name()) || *attribute.value() == '\0') continue;
    values += (values.empty() ? "" : " ") + without_pseudonym(attribute.value());
  }
  return values;
}

std::string group_of(std::string_view top_element) {
  const DeclaredElement* declared = facts_contract().element("/facts/" + std::string(top_element));
  return declared != nullptr ? std::string(declared->writer) : std::string(top_element);
}

// Every element under `node`, by its words; the facts' coverage is compared as confidence instead.
void flatten(pugi::xml_node node, const std::string& parent, const std::string& group, FlatFacts& flat) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element || (parent.empty() && std::string_view(child.name()) == "coverage")) continue;
    const std::string id = identity(child, parent.empty());
    const std::string base = (parent.empty() ? "" : parent + ", ") + child.name() + (id.empty() ? "" : " " + id);
    std::string words = base;
    for (int copy = 2; flat.count(words) != 0; ++copy) words = base + " #" + std::to_string(copy);
    FlatElement element{parent.empty() ? group_of(child.name()) : group, parent, {}, flat.size()};
    for (pugi::xml_attribute attribute : child.attributes()) {
      if (!is_noise_attribute(attribute.name())) element.attributes.emplace_back(attribute.name(), attribute.value());
    }
    const std::string child_group = element.group;
    flat.emplace(words, std::move(element));
    flatten(child, words, child_group, flat);
  }
}

FlatFacts flatten(const pugi::xml_document& facts) {
  FlatFacts flat;
  flatten(facts.document_element(), {}, {}, flat);
  return flat;
}

std::vector<AttributeChange> changes_between(const Attributes& a, const Attributes& b) {
  std::vector<AttributeChange> changes;
  std::set<std::string> seen;
  for (const Attributes* side : {&a, &b}) {
    for (const auto& [name, ignored] : *side) {
      if (!seen.insert(name).second) continue;
      const std::string in_a = value_of(a, name);
      const std::string in_b = value_of(b, name);
      if (in_a != in_b && !both_pseudonyms(in_a, in_b)) changes.push_back({name, in_a, in_b});
    }
  }
  return changes;
}

struct Ordered {
  std::size_t group_rank, side_rank, order;
  FactDifference difference;
};

}  // namespace

std::vector<FactDifference> fact_differences(const pugi::xml_document& a, const pugi::xml_document& b) {
  const FlatFacts flat_a = flatten(a);
  const FlatFacts flat_b = flatten(b);
  std::vector<std::string> groups;
  auto rank_of = [&](const std::string& group) {
    const auto found = std::find(groups.begin(), groups.end(), group);
    if (found != groups.end()) return static_cast<std::size_t>(found - groups.begin());
    groups.push_back(group);
    return groups.size() - 1;
  };
  std::vector<std::pair<std::size_t, const FlatFacts::value_type*>> in_order;
  for (const auto& entry : flat_a) in_order.emplace_back(entry.second.order, &entry);
  std::sort(in_order.begin(), in_order.end());
  for (const auto& [order, entry] : in_order) rank_of(entry->second.group);
  for (const auto& [words, element] : flat_b) rank_of(element.group);

  std::vector<Ordered> found;
  for (const auto& [words, element] : flat_a) {
    const auto other = flat_b.find(words);
    if (other == flat_b.end()) {
      if (!element.parent.empty() && flat_b.count(element.parent) == 0) continue;  // its parent says it
      found.push_back({rank_of(element.group), 0, element.order, {element.group, words, Side::a, {}}});
      continue;
    }
    std::vector<AttributeChange> changes = changes_between(element.attributes, other->second.attributes);
    if (!changes.empty()) {
      found.push_back({rank_of(element.group), 0, element.order, {element.group, words, Side::both, std::move(changes)}});
    }
  }
  for (const auto& [words, element] : flat_b) {
    if (flat_a.count(words) != 0 || (!element.parent.empty() && flat_a.count(element.parent) == 0)) continue;
    found.push_back({rank_of(element.group), 1, element.order, {element.group, words, Side::b, {}}});
  }
  std::sort(found.begin(), found.end(), [](const Ordered& x, const Ordered& y) {
    return std::tie(x.group_rank, x.side_rank, x.order) < std::tie(y.group_rank, y.side_rank, y.order);
  });
  std::vector<FactDifference> differences;
  for (Ordered& entry : found) differences.push_back(std::move(entry.difference));
  return differences;
}

std::vector<FactDifference> finding_differences(const AuditedMac& a, const AuditedMac& b) {
  std::vector<FactDifference> differences;
  for (const auto& [here, there, side] : {std::tuple{&a, &b, Side::a}, std::tuple{&b, &a, Side::b}}) {
    const AuditResult& result = here->result;
    for (std::size_t i = 0; i < result.findings.size(); ++i) {
      const Finding& finding = result.findings[i];
      const auto& causes = result.verdict.causes;
      if (finding.rule == nullptr || std::find(causes.begin(), causes.end(), i) != causes.end()) continue;
      const auto& others = there->result.findings;
      if (std::any_of(others.begin(), others.end(), [&](const Finding& other) { return same_cause(finding, other); })) continue;
      std::string words = finding.rule->id;
      if (!finding.subject.empty()) words += " (" + finding.subject + ")";
      differences.push_back({"findings", words + ": " + finding.rule->title, side, {}});
    }
  }
  return differences;
}

}  // namespace nwaudit::diff
