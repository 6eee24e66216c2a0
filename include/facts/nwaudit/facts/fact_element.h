#pragma once

#include <concepts>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "nwaudit/facts/facts_contract.h"

namespace nwaudit {

class Facts;

// An element of the facts document as a collector writes it: children and attributes only
// as the facts contract declares them, with values that fit their type. A write the contract
// does not allow is still made, and Facts records it (contract_breaches(); an assertion in
// debug builds), so that tests fail on it. A value is stored as XML can carry it: up to a
// zero byte, with what XML 1.0 cannot hold replaced (valid_xml_text), so the document is
// valid as it is built.
class FactElement {
 public:
  FactElement(pugi::xml_node node, const DeclaredElement* declared, Facts& facts)
      : node_(node), declared_(declared), facts_(&facts) {}

  // A new last child.
  FactElement add_child(std::string_view name);
  // A child node of this element made by other means, such as inserted before a sibling.
  FactElement child_element(pugi::xml_node child);

  // Text, a bool ("true" or "false") or an integer. Only a bool itself is taken as one: a
  // pointer is never converted to it.
  template <class Value>
  void set(std::string_view name, const Value& value) {
    write(name, text_of(value), false);
  }
  // Before the other attributes, for those a reader should see first.
  template <class Value>
  void set_first(std::string_view name, const Value& value) {
    write(name, text_of(value), true);
  }

  pugi::xml_node node() const { return node_; }
  // What the contract declares for it; null when it does not.
  const DeclaredElement* declaration() const { return declared_; }

 private:
  static std::string_view text_of(std::string_view text) { return text; }
  template <std::same_as<bool> Flag>
  static std::string_view text_of(Flag flag) {
    return flag ? "true" : "false";
  }
  template <std::integral Number>
    requires(!std::same_as<Number, bool>)
  static std::string text_of(Number number) {
    return std::to_string(number);
  }
  void write(std::string_view name, std::string_view value, bool first);
  pugi::xml_node node_;
  const DeclaredElement* declared_;
  Facts* facts_;
};

}  // namespace nwaudit
