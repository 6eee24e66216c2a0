#include "nwaudit/facts/facts_contract.h"

#include <algorithm>


namespace nwaudit {
namespace contract {

const char* to_string(Type type) {
  switch (type) {
    case Type::boolean: return "boolean";
    case Type::integer: return "integer";
    case Type::enumeration: return "enumeration";
    case Type::text: return "text";
    case Type::version: return "version";
    case Type::path: return "path";
  }
  return "text";
}

}  // namespace contract

namespace {

bool is_decimal_integer(std::string_view text) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

void add_sorted_unique(std::vector<std::string_view>& names, std::string_view name) {
  const auto at = std::lower_bound(names.begin(), names.end(), name);
  if (at == names.end() || *at != name) names.insert(at, name);
}

}  // namespace

const DeclaredAttribute* DeclaredElement::attribute(std::string_view attribute_name) const {
  for (const DeclaredAttribute& declared : attributes) {
    if (declared.declaration->name == attribute_name) return &declared;
  }
  return nullptr;
}

const DeclaredElement* DeclaredElement::child(std::string_view child_name) const {
  for (const DeclaredElement* declared : children) {
    if (declared->name == child_name) return declared;
  }
  return nullptr;
}

FactsContract::FactsContract(std::span<const contract::Part> parts) {
  for (const contract::Part& part : parts) {
    for (const contract::Element& element : part.elements) add(element, part.writer);
  }
  for (DeclaredElement& declared : elements_) {
    const std::size_t parent = index_of(declared.parent);
    if (parent != kNotDeclared) elements_[parent].children.push_back(&declared);
  }
}

void FactsContract::add(const contract::Element& element, std::string_view writer) {
  const std::size_t known = index_of(element.path);
  DeclaredElement* declared = known == kNotDeclared ? nullptr : &elements_[known];
  if (element.meaning.empty()) {
    if (declared == nullptr) {
      declaration_problems_.push_back(std::string(writer) + " adds attributes to " + std::string(element.path) +
                                      ", which no part declares before it");
      return;
    }
  } else if (declared != nullptr) {
    declaration_problems_.push_back(std::string(writer) + " declares " + std::string(element.path) + " again");
    return;
  } else {
    const auto slash = element.path.rfind('/');
    DeclaredElement added;
    added.path = element.path;
    added.name = element.path.substr(slash + 1);
    added.parent = element.path.substr(0, slash);
    added.meaning = element.meaning;
    added.read_from = element.read_from;
    added.writer = writer;
    if (!added.parent.empty() && this->element(added.parent) == nullptr) {
      declaration_problems_.push_back(std::string(element.path) + " has no declared parent");
    }
    elements_.push_back(std::move(added));
    declared = &elements_.back();
    add_sorted_unique(element_names_, declared->name);
  }
  for (const contract::Attribute& attribute : element.attributes) {
    if (declared->attribute(attribute.name) != nullptr) {
      declaration_problems_.push_back(std::string(element.path) + "/@" + std::string(attribute.name) +
                                      " is declared twice");
      continue;
    }
    if ((attribute.type == contract::Type::enumeration) == attribute.values.empty()) {
      declaration_problems_.push_back(std::string(element.path) + "/@" + std::string(attribute.name) +
                                      ": only an enumeration lists values, and it must");
    }
    declared->attributes.push_back({&attribute, writer});
    add_sorted_unique(attribute_names_, attribute.name);
  }
}

std::size_t FactsContract::index_of(std::string_view path) const {
  const auto found = std::find_if(elements_.begin(), elements_.end(),
                                  [&](const DeclaredElement& element) { return element.path == path; });
  return found == elements_.end() ? kNotDeclared : static_cast<std::size_t>(found - elements_.begin());
}

const DeclaredElement* FactsContract::element(std::string_view path) const {
  const std::size_t found = index_of(path);
  return found == kNotDeclared ? nullptr : &elements_[found];
}

std::string element_path(pugi::xml_node node) {
  std::string path;
  for (; node.type() == pugi::node_element; node = node.parent()) path.insert(0, std::string("/").append(node.name()));
  return path;
}

std::optional<std::string> value_problem(const contract::Attribute& attribute, std::string_view value) {
  switch (attribute.type) {
    case contract::Type::boolean:
      if (value == "true" || value == "false") return std::nullopt;
      return std::string("'").append(value).append("' is not true or false");
    case contract::Type::integer:
      if (is_decimal_integer(value)) return std::nullopt;
      return std::string("'").append(value).append("' is not a decimal integer");
    case contract::Type::enumeration:
      if (std::find(attribute.values.begin(), attribute.values.end(), value) != attribute.values.end()) {
        return std::nullopt;
      }
      return std::string("'").append(value).append("' is not one of its values");
    case contract::Type::text:
    case contract::Type::version:
    case contract::Type::path: return std::nullopt;
  }
  return std::nullopt;
}

namespace {

void check_element(pugi::xml_node node, const FactsContract& contract, std::vector<std::string>& problems) {
  const std::string path = element_path(node);
  const DeclaredElement* declared = contract.element(path);
  if (declared == nullptr) {
    problems.push_back(path + " is not declared");
    return;
  }
  for (pugi::xml_attribute attribute : node.attributes()) {
    const DeclaredAttribute* known = declared->attribute(attribute.name());
    if (known == nullptr) {
      problems.push_back(path + "/@" + attribute.name() + " is not declared");
    } else if (auto problem = value_problem(*known->declaration, attribute.value())) {
      problems.push_back(path + "/@" + attribute.name() + ": " + *problem);
    }
  }
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_element) check_element(child, contract, problems);
  }
}

}  // namespace

std::vector<std::string> contract_problems(pugi::xml_node root, const FactsContract& contract) {
  std::vector<std::string> problems;
  check_element(root, contract, problems);
  return problems;
}

}  // namespace nwaudit
