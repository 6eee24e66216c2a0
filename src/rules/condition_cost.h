#pragma once

#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <unordered_map>

#include "condition_syntax.h"

namespace nwaudit {

// What the cost of an XPath condition depends on: how many nodes a document has and how they
// are arranged, and how long its strings are.
struct DocumentShape {
  double nodes = 0;       // every node: the document, elements, attributes, text and the rest
  double elements = 0;
  double attributes = 0;
  double texts = 0;       // text and CDATA nodes
  double deepest = 0;     // levels below the document
  double most_children = 0;
  double most_attributes = 0;
  double text_length = 0;    // all text together, the longest an element's string value can be
  double longest_value = 0;  // the longest attribute value or node value
  double longest_name = 0;
  double most_repeated_attribute = 0;  // most attributes of one name on one element (1 in well-formed XML)
  // The same by name: how many elements and attributes have each name, the most children and
  // attributes an element of each name has, the longest value of each attribute. When names
  // are not counted, every element or attribute is taken to have the name asked for.
  bool names_counted = false;
  std::unordered_map<std::string, double> elements_named;
  std::unordered_map<std::string, double> attributes_named;
  std::unordered_map<std::string, double> most_children_of;
  std::unordered_map<std::string, double> most_attributes_of;
  std::unordered_map<std::string, double> longest_value_of;

  // The document's own shape, in one pass over it (without recursion: facts may nest deep).
  static DocumentShape of(const pugi::xml_document& document);

  double elements_called(std::string_view name) const;
  double attributes_called(std::string_view name) const;
  // Of an element of that name, or of any element when the name is empty.
  double children_of(std::string_view element) const;
  double attributes_of(std::string_view element) const;
  // Of an attribute of that name, or of any when the name is empty.
  double longest_value_in(std::string_view attribute) const;
};

// An upper bound on the work pugixml does to evaluate the condition once from the document
// node: nodes visited, predicates and functions evaluated, characters compared or copied,
// each counted as one step. It follows pugixml 1.x's evaluation (xpath_ast_node): a node-set
// comparison compares every pair, a string value of an element walks its subtree, sorting
// compares siblings one by one.
double cost_bound(const Expression& condition, const DocumentShape& shape);

// A bound as messages write it: "1234567 steps".
std::string steps_text(double steps);

// condition_never_runs (nwaudit/rules/condition_budget.h) for a condition already parsed.
std::optional<std::string> condition_never_runs(const Expression& condition);

}  // namespace nwaudit
