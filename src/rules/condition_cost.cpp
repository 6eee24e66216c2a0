#include "condition_cost.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include <fmt/core.h>

namespace nwaudit {
namespace {

// The longest text pugixml writes a number as: it never uses an exponent, so 1e308 takes
// 309 digits.
constexpr double kNumberLength = 400;

// a × b, where a count of nothing makes anything free, even an unbounded cost.
double times(double a, double b) { return a == 0 || b == 0 ? 0 : a * b; }

double length_of(const char* text) { return static_cast<double>(std::strlen(text)); }

// What evaluating one expression once may cost, and what it may give.
struct Bound {
  ValueType type = ValueType::number;
  double cost = 1;
  double nodes = 0;              // node-set: how many, at most
  bool attributes_only = false;  // node-set: only attributes, whose string values are just their values
  std::string_view named;        // node-set: all elements (or, with attributes_only, attributes) of this name
  double length = 0;             // string: the longest it can be
};

Bound costing(ValueType type, double cost) {
  Bound bound;
  bound.type = type;
  bound.cost = cost;
  return bound;
}

// The document node, where a condition starts and absolute paths start.
Bound document_node() {
  Bound node = costing(ValueType::node_set, 1);
  node.nodes = 1;
  return node;
}

// One node of the set, as the context of a predicate.
Bound one_of(const Bound& set) {
  Bound node = set;
  node.cost = 1;
  node.nodes = 1;
  return node;
}

class Estimator {
 public:
  explicit Estimator(const DocumentShape& shape) : shape_(shape) {}

  // `context`: the node the expression is evaluated from.
  Bound of(const Expression& expression, const Bound& context) const {
    switch (expression.kind) {
      case Expression::Kind::literal: {
        Bound literal = costing(ValueType::string, 1);
        literal.length = static_cast<double>(expression.text.size());
        return literal;
      }
      case Expression::Kind::number:
        return {};
      case Expression::Kind::negation: {
        const Bound operand = of(expression.operands.at(0), context);
        return costing(ValueType::number, 1 + operand.cost + to_number(operand));
      }
      case Expression::Kind::operation:
        return operation(expression, context);
      case Expression::Kind::function:
        return function(expression, context);
      case Expression::Kind::path:
        return path(expression, context);
    }
    return {};
  }

 private:
  // Document order between two nodes: up to the common ancestor, then along the siblings.
  double comparison() const { return shape_.deepest + shape_.most_children + shape_.most_attributes + 1; }
  double first_of(double nodes) const { return times(std::max(nodes - 1, 0.0), comparison()); }
  double sort(double nodes) const { return times(times(nodes, std::log2(nodes + 1) + 1), comparison()); }

  // The string value of one node of the set: an attribute's is its value; an element's is
  // its subtree walked and its texts appended one by one (each append may copy all before it).
  double value_cost(const Bound& set) const {
    if (set.attributes_only) return 1;
    return shape_.nodes + times(shape_.text_length, std::min(shape_.texts, shape_.text_length) + 1);
  }
  double value_length(const Bound& set) const {
    if (set.attributes_only) return shape_.longest_value_in(set.named);
    return std::max(shape_.text_length, shape_.longest_value);
  }

  double string_length(const Bound& value) const {
    switch (value.type) {
      case ValueType::node_set: return value_length(value);
      case ValueType::string: return value.length;
      case ValueType::number: return kNumberLength;
      case ValueType::boolean: return 5;
    }
    return 0;
  }
  double to_string(const Bound& value) const {
    switch (value.type) {
      case ValueType::node_set: return first_of(value.nodes) + value_cost(value);
      case ValueType::number: return kNumberLength;
      default: return 1;
    }
  }
  double to_number(const Bound& value) const {
    if (value.type == ValueType::number || value.type == ValueType::boolean) return 1;
    return to_string(value) + string_length(value);
  }
  // One string value of every node of the set, each read as a number or compared to `length`.
  double each_value(const Bound& set, double length) const {
    return times(set.nodes, value_cost(set) + std::min(value_length(set), length) + 1);
  }

  // pugixml's compare_eq: a node-set against a node-set compares every pair of string values.
  double equality(const Bound& a, const Bound& b) const {
    const bool a_set = a.type == ValueType::node_set, b_set = b.type == ValueType::node_set;
    if (a_set && b_set) {
      return times(times(a.nodes, b.nodes),
                   value_cost(a) + value_cost(b) + std::min(value_length(a), value_length(b)) + 1);
    }
    if (a_set || b_set) {
      const Bound& set = a_set ? a : b;
      const Bound& other = a_set ? b : a;
      if (other.type == ValueType::boolean) return 1;
      if (other.type == ValueType::number) return each_value(set, value_length(set));
      return to_string(other) + each_value(set, string_length(other));
    }
    if (a.type == ValueType::boolean || b.type == ValueType::boolean) return 1;
    if (a.type == ValueType::number || b.type == ValueType::number) return to_number(a) + to_number(b);
    return std::min(a.length, b.length) + 1;
  }
  // pugixml's compare_rel: every node's string value read as a number, for every pair.
  double relation(const Bound& a, const Bound& b) const {
    const bool a_set = a.type == ValueType::node_set, b_set = b.type == ValueType::node_set;
    if (a_set && b_set) return each_value(a, value_length(a)) + times(a.nodes, each_value(b, value_length(b)));
    if (a_set || b_set) {
      const Bound& set = a_set ? a : b;
      return to_number(a_set ? b : a) + each_value(set, value_length(set));
    }
    return to_number(a) + to_number(b);
  }

  Bound operation(const Expression& expression, const Bound& context) const {
    const Bound a = of(expression.operands.at(0), context);
    const Bound b = of(expression.operands.at(1), context);
    const std::string& op = expression.text;
    Bound result = costing(expression.type, 1 + a.cost + b.cost);
    if (op == "|") {
      result.cost += a.nodes + b.nodes;
      result.nodes = std::min(a.nodes + b.nodes, shape_.nodes);
      result.attributes_only = a.attributes_only && b.attributes_only;
      if (a.named == b.named && a.attributes_only == b.attributes_only) result.named = a.named;
    } else if (op == "=" || op == "!=") {
      result.cost += equality(a, b);
    } else if (op == "<" || op == "<=" || op == ">" || op == ">=") {
      result.cost += relation(a, b);
    } else if (op != "or" && op != "and") {
      result.cost += to_number(a) + to_number(b);
    }
    return result;
  }

  Bound function(const Expression& call, const Bound& context) const {
    std::vector<Bound> arguments;
    Bound result = costing(call.type, 1);
    for (const Expression& argument : call.operands) {
      arguments.push_back(of(argument, context));
      result.cost += arguments.back().cost;
    }
    const std::string& name = call.text;
    // The forms without arguments read the context node's string value.
    const Bound subject = arguments.empty() ? context : arguments.front();
    const double subject_length = string_length(subject);
    const double subject_cost = arguments.empty() ? value_cost(subject) : to_string(subject);
    const double ancestors_attributes = times(shape_.deepest + 1, shape_.most_attributes + 1);
    if (name == "id") {
      result = costing(ValueType::node_set, 1);  // pugixml's id() selects nothing, without evaluating its argument
    } else if (name == "local-name" || name == "name" || name == "namespace-uri") {
      if (!arguments.empty()) result.cost += first_of(subject.nodes);
      if (name == "namespace-uri") result.cost += ancestors_attributes;
      result.length = name == "namespace-uri" ? shape_.longest_value : shape_.longest_name;
    } else if (name == "string" || name == "normalize-space" || name == "string-length" || name == "number") {
      result.cost += subject_cost + 2 * subject_length;
      result.length = subject_length;
    } else if (name == "concat" || name == "starts-with") {
      for (const Bound& argument : arguments) {
        result.cost += to_string(argument) + 2 * string_length(argument);
        result.length += string_length(argument);
      }
    } else if (name == "contains" || name == "substring-before" || name == "substring-after" || name == "translate") {
      // A naive substring search, or each character looked up in the `from` string.
      for (const Bound& argument : arguments) result.cost += to_string(argument) + string_length(argument);
      const double pattern = arguments.size() > 1 ? string_length(arguments[1]) : 0;
      result.cost += times(subject_length + 1, pattern + 1);
      result.length = subject_length;
    } else if (name == "substring") {
      for (const Bound& argument : arguments) result.cost += to_number(argument);
      result.cost += subject_cost + 2 * subject_length;
      result.length = subject_length;
    } else if (name == "lang") {
      result.cost += subject_cost + subject_length + ancestors_attributes;
    } else if (name == "sum") {
      result.cost += each_value(subject, value_length(subject));
    } else if (name == "floor" || name == "ceiling" || name == "round") {
      result.cost += to_number(subject);
    }
    // last, position, true, false, count, boolean, not: their arguments' cost only.
    return result;
  }

  Bound path(const Expression& path, const Bound& context) const {
    Bound set = path.start == Expression::PathStart::root ? document_node() : one_of(context);
    if (path.start == Expression::PathStart::operand) {
      set = of(path.operands.at(0), context);
      set.cost += 1;
      for (const Expression& filter : path.filters) {
        set.cost += sort(set.nodes) + times(set.nodes, of(filter, one_of(set)).cost + 1);
      }
    }
    for (const Step& step : path.steps) set = after(set, step);
    set.type = ValueType::node_set;
    return set;
  }

  // The nodes of the document the step's node test can select, and of those, how many one
  // context node can reach by the axis.
  double matching(const Step& step) const {
    const bool attribute = step.axis == Axis::attribute || step.axis == Axis::namespace_;
    switch (step.test) {
      case NodeTest::name: return attribute ? shape_.attributes_called(step.name) : shape_.elements_called(step.name);
      case NodeTest::any_name: return attribute ? shape_.attributes : shape_.elements;
      case NodeTest::text: return attribute ? 0 : shape_.texts;
      default: return attribute ? shape_.attributes : shape_.nodes;
    }
  }
  double reachable(const Step& step, double visits) const {
    if (step.axis == Axis::attribute && step.test == NodeTest::name) return shape_.most_repeated_attribute;
    return visits;
  }

  // Nodes the axis walks from one node of the set.
  double walk(const Bound& set, Axis axis) const {
    const std::string_view element = set.attributes_only ? std::string_view() : set.named;
    switch (axis) {
      case Axis::child: return set.attributes_only ? 0 : shape_.children_of(element);
      case Axis::attribute: return set.attributes_only ? 0 : shape_.attributes_of(element);
      case Axis::self: case Axis::parent: case Axis::namespace_: return 1;
      case Axis::ancestor: case Axis::ancestor_or_self: return shape_.deepest + 1;
      case Axis::following_sibling: case Axis::preceding_sibling: return shape_.most_children;
      default: return shape_.nodes;
    }
  }

  // pugixml's step_do: the axis walked from every node of the set, every node the test
  // selects put through the predicates, duplicates removed unless the axis cannot make any.
  Bound after(const Bound& set, const Step& step) const {
    const double contexts = set.nodes;
    const double per_context = walk(set, step.axis);
    double visits = times(contexts, per_context);
    if (step.axis == Axis::child || step.axis == Axis::attribute) visits = std::min(visits, shape_.nodes);
    if (step.axis == Axis::descendant || step.axis == Axis::descendant_or_self) {
      visits = std::min(visits, times(shape_.nodes, shape_.deepest + 1));  // a node is below that many others
    }
    const bool distinct = step.axis == Axis::child || step.axis == Axis::attribute || step.axis == Axis::self;
    const double matches = matching(step);
    const double selected =
        std::min({visits, times(contexts, reachable(step, per_context)), distinct ? matches : times(contexts, matches)});

    Bound result = costing(ValueType::node_set, set.cost + contexts + visits);
    result.attributes_only = step.axis == Axis::attribute || (step.axis == Axis::self && set.attributes_only);
    if (step.test == NodeTest::name && (step.axis != Axis::namespace_)) result.named = step.name;
    if (step.axis == Axis::self && step.test != NodeTest::name) result.named = set.named;
    for (const Expression& predicate : step.predicates) {
      result.cost += times(selected, of(predicate, one_of(result)).cost + 1);
    }
    if (!distinct) result.cost += selected;
    result.nodes = std::min(selected, matches);
    return result;
  }

  const DocumentShape& shape_;
};

void raise(double& most, double value) { most = std::max(most, value); }

// The by-name figures while the document is walked, keyed by names the document holds.
struct AttributeFigures {
  double count = 0, longest_value = 0;
  std::size_t element = 0;  // the last element met with an attribute of this name, counted from 1
  double on_element = 0;    // how many of its attributes have this name
};
struct ElementFigures {
  double count = 0, most_children = 0, most_attributes = 0;
  // The attributes of the last element of this name, in order. Facts repeat themselves (a
  // thousand <kext> elements, their attributes mostly in the same order), so the next element
  // of the name finds the figures of most of its attributes here, without hashing their names.
  std::vector<std::pair<std::string_view, AttributeFigures*>> last_attributes;
};

// Finds the figures of each name, remembering the last element's.
class FiguresByName {
 public:
  ElementFigures& element(std::string_view name) {
    if (last_element_ == nullptr || name != last_element_name_) {
      last_element_name_ = name;
      last_element_ = &elements_[name];
    }
    return *last_element_;
  }
  AttributeFigures& attribute(ElementFigures& element, std::size_t position, std::string_view name) {
    auto& remembered = element.last_attributes;
    if (position == remembered.size()) remembered.emplace_back();
    auto& [known_name, known] = remembered[position];
    if (known == nullptr || known_name != name) {
      known_name = name;
      known = &attributes_[name];
    }
    return *known;
  }

  const std::unordered_map<std::string_view, ElementFigures>& elements() const { return elements_; }
  const std::unordered_map<std::string_view, AttributeFigures>& attributes() const { return attributes_; }

 private:
  std::unordered_map<std::string_view, ElementFigures> elements_;
  std::unordered_map<std::string_view, AttributeFigures> attributes_;
  std::string_view last_element_name_;
  ElementFigures* last_element_ = nullptr;
};

}  // namespace

DocumentShape DocumentShape::of(const pugi::xml_document& document) {
  DocumentShape shape;
  shape.names_counted = true;
  FiguresByName figures;
  std::size_t elements_met = 0;
  double depth = 0;
  for (pugi::xml_node node = document;;) {
    ++shape.nodes;
    const pugi::xml_node first_child = node.first_child();
    double children = 0;
    for (pugi::xml_node child = first_child; child; child = child.next_sibling()) ++children;
    const pugi::xml_node_type type = node.type();
    const double value_length = length_of(node.value());
    raise(shape.most_children, children);
    raise(shape.deepest, depth);
    raise(shape.longest_name, length_of(node.name()));
    raise(shape.longest_value, value_length);
    if (type == pugi::node_element) {
      ElementFigures& element = figures.element(node.name());
      ++elements_met;
      std::size_t attributes = 0;
      // The most attributes of one name on the element: 1 in well-formed XML, more only in a
      // document built by appending or parsed without the check.
      double most_repeated = 0;
      for (pugi::xml_attribute attribute = node.first_attribute(); attribute; attribute = attribute.next_attribute()) {
        const std::string_view name = attribute.name();
        const double length = length_of(attribute.value());
        AttributeFigures& named = figures.attribute(element, attributes++, name);
        ++named.count;
        raise(named.longest_value, length);
        if (named.element != elements_met) {
          named.element = elements_met;
          named.on_element = 0;
        }
        raise(most_repeated, ++named.on_element);
        raise(shape.longest_name, static_cast<double>(name.size()));
        raise(shape.longest_value, length);
      }
      ++element.count;
      raise(element.most_children, children);
      raise(element.most_attributes, static_cast<double>(attributes));
      ++shape.elements;
      shape.attributes += static_cast<double>(attributes);
      shape.nodes += static_cast<double>(attributes);
      raise(shape.most_attributes, static_cast<double>(attributes));
      raise(shape.most_repeated_attribute, most_repeated);
    }
    if (type == pugi::node_pcdata || type == pugi::node_cdata || type == pugi::node_element) {
      shape.text_length += value_length;
    }
    if (type == pugi::node_pcdata || type == pugi::node_cdata) ++shape.texts;

    // The next node in document order.
    if (first_child) {
      node = first_child;
      ++depth;
    } else {
      while (node != document && !node.next_sibling()) {
        node = node.parent();
        --depth;
      }
      if (node == document) break;
      node = node.next_sibling();
    }
  }
  for (const auto& [name, element] : figures.elements()) {
    shape.elements_named.emplace(name, element.count);
    shape.most_children_of.emplace(name, element.most_children);
    shape.most_attributes_of.emplace(name, element.most_attributes);
  }
  for (const auto& [name, attribute] : figures.attributes()) {
    shape.attributes_named.emplace(name, attribute.count);
    shape.longest_value_of.emplace(name, attribute.longest_value);
  }
  return shape;
}

namespace {

double named(const std::unordered_map<std::string, double>& counts, std::string_view name, bool counted,
             double otherwise) {
  if (!counted || name.empty()) return otherwise;
  const auto found = counts.find(std::string(name));
  return found == counts.end() ? 0 : found->second;
}

}  // namespace

double DocumentShape::elements_called(std::string_view name) const {
  return named(elements_named, name, names_counted, elements);
}
double DocumentShape::attributes_called(std::string_view name) const {
  return named(attributes_named, name, names_counted, attributes);
}
double DocumentShape::children_of(std::string_view element) const {
  return named(most_children_of, element, names_counted, most_children);
}
double DocumentShape::attributes_of(std::string_view element) const {
  return named(most_attributes_of, element, names_counted, most_attributes);
}
double DocumentShape::longest_value_in(std::string_view attribute) const {
  return named(longest_value_of, attribute, names_counted, longest_value);
}

double cost_bound(const Expression& condition, const DocumentShape& shape) {
  return Estimator(shape).of(condition, document_node()).cost;
}

std::string steps_text(double steps) {
  if (!(steps < 1e15)) return "more than 10^15 steps";
  return fmt::format("{:.0f} steps", steps);
}

}  // namespace nwaudit
