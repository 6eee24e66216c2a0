#include "nwaudit/rules/condition_budget.h"

#include <cmath>

#include "condition_cost.h"
#include "nwaudit/base/limits.h"

namespace nwaudit {
namespace {

constexpr double kBudget = static_cast<double>(limits::kMaxConditionSteps);

// Less than the facts of an empty Mac (`nwaudit facts --root EMPTY`) in every way the bound
// depends on: at least this many nodes of each kind, this deep and this wide. No name is
// counted, so a name test selects nothing: whatever this costs, any facts nwaudit collects cost
// more.
DocumentShape empty_mac() {
  DocumentShape shape;
  shape.names_counted = true;
  shape.nodes = 100;
  shape.elements = 20;
  shape.attributes = 80;
  shape.deepest = 3;
  shape.most_children = 16;
  shape.most_attributes = 5;
  shape.most_repeated_attribute = 1;
  shape.longest_value = 32;
  shape.longest_name = 8;
  return shape;
}

// Facts of `nodes` nodes laid out like a Mac's (a few levels, a few dozen attributes to an
// element, short strings, no text, most elements under one parent) in which every name
// is everywhere.
DocumentShape mac_of_size(double nodes) {
  DocumentShape shape;
  shape.nodes = shape.elements = shape.attributes = shape.most_children = nodes;
  shape.deepest = 8;
  shape.most_attributes = 32;
  shape.most_repeated_attribute = 1;
  shape.longest_value = shape.longest_name = 256;
  return shape;
}

}  // namespace

std::optional<std::string> condition_never_runs(std::string_view condition) {
  const auto syntax = parse_condition(condition);
  if (!syntax) return std::nullopt;  // a warning from rules lint, and skipped by audits
  return condition_never_runs(*syntax);
}

std::optional<std::string> condition_never_runs(const Expression& condition) {
  const double bound = cost_bound(condition, empty_mac());
  if (bound <= kBudget) return std::nullopt;
  return "<when> could cost " + steps_text(bound) + " even on the facts of an empty Mac, over the budget of " +
         steps_text(kBudget) + " (see COST OF A CONDITION in nwaudit-rules(5))";
}

std::optional<std::string> condition_cost_warning(std::string_view condition) {
  const auto syntax = parse_condition(condition);
  if (!syntax) return "nwaudit cannot bound what its condition costs, so audits skip it";
  // Ten times the nodes: 10^2 times the cost for a square, 10^3 for a cube.
  const double smaller = cost_bound(*syntax, mac_of_size(1e4));
  const double larger = cost_bound(*syntax, mac_of_size(1e5));
  if (std::isfinite(larger) && larger <= smaller * std::pow(10, 2.5)) return std::nullopt;
  return "its condition's cost grows faster than the square of the facts' size (a scan of the whole document "
         "inside a predicate inside another), so an audit skips it when its bound on the facts is over " +
         steps_text(kBudget);
}

}  // namespace nwaudit
