#include "nwaudit/facts/fact_element.h"

#include "nwaudit/facts/facts.h"
#include "xml_text.h"

namespace nwaudit {

FactElement FactElement::add_child(std::string_view name) {
  return child_element(node_.append_child(std::string(name).c_str()));
}

FactElement FactElement::child_element(pugi::xml_node child) {
  if (declared_ == nullptr) return facts_->element(child);
  const std::string_view name = child.name();
  const DeclaredElement* declared = declared_->child(name);
  if (declared == nullptr) {
    facts_->note_contract_breach(std::string(declared_->path).append("/").append(name) + " is not declared");
  }
  return FactElement(child, declared, *facts_);
}

void FactElement::write(std::string_view name, std::string_view value, bool first) {
  const std::string name_text(name);
  pugi::xml_attribute attribute =
      first ? node_.prepend_attribute(name_text.c_str()) : node_.append_attribute(name_text.c_str());
  // An XML value ends at a zero byte, and holds only what XML can carry.
  const std::string_view stored = value.substr(0, value.find('\0'));
  if (needs_valid_xml_text(stored)) {
    attribute.set_value(valid_xml_text(stored).c_str());
  } else {
    attribute.set_value(stored.data(), stored.size());
  }
  if (declared_ == nullptr) return;  // noted when the element was made
  const DeclaredAttribute* known = declared_->attribute(name);
  if (known == nullptr) {
    facts_->note_contract_breach(std::string(declared_->path) + "/@" + std::string(name) + " is not declared");
  } else if (auto problem = value_problem(*known->declaration, value)) {
    facts_->note_contract_breach(std::string(declared_->path) + "/@" + std::string(name) + ": " + *problem);
  }
}

}  // namespace nwaudit
