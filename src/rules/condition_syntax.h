#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nwaudit {

// A rule's condition as an XPath 1.0 expression tree, read the way pugixml reads it, so that
// its cost can be bounded before pugixml evaluates it.
enum class ValueType { node_set, string, number, boolean };

enum class Axis {
  ancestor, ancestor_or_self, attribute, child, descendant, descendant_or_self, following,
  following_sibling, namespace_, parent, preceding, preceding_sibling, self,
};

enum class NodeTest {
  name,          // a QName: only nodes of that name
  any_name,      // * or prefix:*
  node,          // node()
  text,          // text()
  other,         // comment(), processing-instruction()
};

struct Expression;

struct Step {
  Axis axis = Axis::child;
  NodeTest test = NodeTest::node;
  std::string name;  // for NodeTest::name
  std::vector<Expression> predicates;
};

struct Expression {
  enum class Kind {
    literal,    // 'text': text is the string
    number,
    function,   // text is its name, operands its arguments
    operation,  // text is the operator (or, and, =, !=, <, <=, >, >=, +, -, *, div, mod, |); two operands
    negation,   // -operand
    path,       // see PathStart
  };
  // Where a path starts: the document, the context node, or the node-set of operands[0]
  // (a filter expression: a primary expression, its predicates, then steps).
  enum class PathStart { root, context, operand };

  Kind kind = Kind::literal;
  ValueType type = ValueType::string;
  std::string text;
  std::vector<Expression> operands;
  PathStart start = PathStart::context;
  std::vector<Expression> filters;  // predicates on operands[0], for PathStart::operand
  std::vector<Step> steps;
};

// The condition's tree, or nothing when it is not an XPath 1.0 expression pugixml would
// compile (or nests deeper than pugixml allows).
std::optional<Expression> parse_condition(std::string_view condition);

}  // namespace nwaudit
