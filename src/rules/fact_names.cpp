#include "fact_names.h"

#include <algorithm>

#include "closest_name.h"
#include "condition_syntax.h"
#include "nwaudit/facts/facts_contract.h"

namespace nwaudit {
namespace {

// The element and attribute names the condition's location steps test for, as often as they
// are tested; distinct() sorts them and drops the repeats.
struct UsedNames {
  std::vector<std::string_view> elements;
  std::vector<std::string_view> attributes;
};

const std::vector<std::string_view>& distinct(std::vector<std::string_view>& names) {
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

void collect_names(const Expression& expression, UsedNames& used);

void collect_names(const std::vector<Expression>& expressions, UsedNames& used) {
  for (const Expression& expression : expressions) collect_names(expression, used);
}

void collect_names(const Expression& expression, UsedNames& used) {
  collect_names(expression.operands, used);
  collect_names(expression.filters, used);
  for (const Step& step : expression.steps) {
    if (step.test == NodeTest::name && step.axis != Axis::namespace_) {
      (step.axis == Axis::attribute ? used.attributes : used.elements).push_back(step.name);
    }
    collect_names(step.predicates, used);
  }
}

bool is_declared(const std::vector<std::string_view>& names, std::string_view name) {
  return std::binary_search(names.begin(), names.end(), name);
}

// " (did you mean @loaded?)", or nothing when no declared name is close.
std::string suggestion(ClosestName& closest, std::string_view name, const std::vector<std::string_view>& declared,
                       std::string_view before, std::string_view after) {
  const std::string found = closest.find(name, declared);
  if (found.empty()) return {};
  return " (did you mean " + std::string(before) + found + std::string(after) + "?)";
}

// "rule ID: " for a node inside a <rule>, else nothing.
std::string rule_prefix(pugi::xml_node node) {
  for (; node; node = node.parent()) {
    if (std::string_view(node.name()) == "rule") return "rule " + std::string(node.attribute("id").value()) + ": ";
  }
  return {};
}

}  // namespace

std::vector<std::string> unknown_condition_names(std::string_view rule_id, std::string_view condition) {
  const std::optional<Expression> parsed = parse_condition(condition);
  if (!parsed) return {};
  return unknown_condition_names(rule_id, *parsed);
}

std::vector<std::string> unknown_condition_names(std::string_view rule_id, const Expression& condition) {
  std::vector<std::string> problems;
  UsedNames used;
  collect_names(condition, used);
  const FactsContract& contract = facts_contract();
  ClosestName closest;
  const std::string rule = "rule " + std::string(rule_id) + ": <when> uses ";
  for (std::string_view name : distinct(used.elements)) {
    if (is_declared(contract.element_names(), name)) continue;
    problems.push_back(rule + "<" + std::string(name) + ">, an element no fact has" +
                       suggestion(closest, name, contract.element_names(), "<", ">"));
  }
  for (std::string_view name : distinct(used.attributes)) {
    if (is_declared(contract.attribute_names(), name)) continue;
    problems.push_back(rule + "@" + std::string(name) + ", an attribute no fact has" +
                       suggestion(closest, name, contract.attribute_names(), "@", ""));
  }
  return problems;
}

namespace {

// Nothing when some fact has the attribute; else " (did you mean BEFORE name AFTER?)", or "" when
// no declared name is close.
std::optional<std::string> undeclared(std::string_view name, std::string_view before, std::string_view after) {
  const std::vector<std::string_view>& declared = facts_contract().attribute_names();
  if (is_declared(declared, name)) return std::nullopt;
  ClosestName closest;
  return suggestion(closest, name, declared, before, after);
}

}  // namespace

std::optional<std::string> unknown_placeholder(pugi::xml_node where, std::string_view name) {
  auto hint = undeclared(name, "{@", "}");
  if (!hint) return std::nullopt;
  return rule_prefix(where) + "unknown placeholder {@" + std::string(name) + "}" + *hint;
}

std::optional<std::string> unknown_fix_condition(pugi::xml_node where, std::string_view name) {
  auto hint = undeclared(name, "", "");
  if (!hint) return std::nullopt;
  return rule_prefix(where) + "<fix> is offered by the attribute " + std::string(name) + ", which no fact has" + *hint;
}

}  // namespace nwaudit
