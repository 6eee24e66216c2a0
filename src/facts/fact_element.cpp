#include "nwaudit/facts/fact_element.h"

#include "nwaudit/facts/facts.h"

namespace nwaudit {

FactElement FactElement::add_child(std::string_view name) {
  pugi::xml_node child = node_.append_child(std::string(name).c_str());
  const std::string path = element_path(child);
  const DeclaredElement* declared = facts_contract().element(path);
  if (declared == nullptr) facts_->note_contract_breach(path + " is not declared");
  return FactElement(child, declared, *facts_);
}

void FactElement::write(std::string_view name, std::string_view value, bool first) {
  const std::string name_text(name);
  pugi::xml_attribute attribute =
      first ? node_.prepend_attribute(name_text.c_str()) : node_.append_attribute(name_text.c_str());
  attribute.set_value(value.data(), value.size());
  if (declared_ == nullptr) return;  // noted when the element was made
  const DeclaredAttribute* known = declared_->attribute(name);
  if (known == nullptr) {
    facts_->note_contract_breach(std::string(declared_->path) + "/@" + std::string(name) + " is not declared");
  } else if (auto problem = value_problem(*known->declaration, value)) {
    facts_->note_contract_breach(std::string(declared_->path) + "/@" + std::string(name) + ": " + *problem);
  }
}

}  // namespace nwaudit
