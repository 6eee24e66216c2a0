#pragma once

#include <optional>
#include <pugixml.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

// The facts contract: every element and attribute the facts document may hold, what each
// means, and who writes it from where. Each collector declares its part next to its code;
// the collector registry gathers the parts (facts_contract()). The writers check against
// it (FactElement), `nwaudit facts --schema` prints it, nwaudit-facts(5) documents it, and
// `rules lint` checks the names rules use against it.
namespace nwaudit::contract {

// What an attribute's value is.
enum class Type {
  boolean,      // true or false
  integer,      // a decimal integer
  enumeration,  // one of the attribute's listed values
  text,         // any text, as found on the Mac
  version,      // a version as the Mac wrote it: "14.4.1", "5422"
  path,         // a path on the Mac
};

const char* to_string(Type type);

struct Attribute {
  std::string_view name;
  Type type;
  std::string_view meaning;                    // one line
  std::span<const std::string_view> values{};  // an enumeration's values, all of them
};

// An element, or (with an empty meaning) more attributes for an element another part declares.
struct Element {
  std::string_view path;       // from the root: "/facts/kernel/boot-arg"
  std::string_view meaning;    // one line
  std::string_view read_from;  // the Mac files or commands its values come from
  std::span<const Attribute> attributes;
};

// What one writer of the facts declares: `writer` is the collector's name, as coverage says it.
struct Part {
  std::string_view writer;
  std::span<const Element> elements;
};

}  // namespace nwaudit::contract

namespace nwaudit {

// The version of the facts document, its root's schema attribute: it changes only when a fact
// changes meaning.
inline constexpr int kFactsSchema = 1;

struct DeclaredAttribute {
  const contract::Attribute* declaration;
  std::string_view writer;
};

// An element with every attribute the parts declare for it.
struct DeclaredElement {
  std::string_view path;
  std::string_view name;    // the last step of the path
  std::string_view parent;  // the parent's path; empty for the root
  std::string_view meaning;
  std::string_view read_from;
  std::string_view writer;
  std::vector<DeclaredAttribute> attributes;  // in the order declared
  std::vector<const DeclaredElement*> children;

  const DeclaredAttribute* attribute(std::string_view attribute_name) const;
  const DeclaredElement* child(std::string_view child_name) const;
};

// The parts merged: one entry per element, in the order of the parts.
class FactsContract {
 public:
  explicit FactsContract(std::span<const contract::Part> parts);

  const std::vector<DeclaredElement>& elements() const { return elements_; }
  const DeclaredElement* element(std::string_view path) const;
  // Distinct names, sorted: for names used away from their element, as in rule conditions.
  const std::vector<std::string_view>& element_names() const { return element_names_; }
  const std::vector<std::string_view>& attribute_names() const { return attribute_names_; }
  // Mistakes in the declarations themselves: a path declared twice, attributes added to an
  // element nobody declares, an element whose parent is not declared, ...
  const std::vector<std::string>& declaration_problems() const { return declaration_problems_; }

 private:
  void add(const contract::Element& element, std::string_view writer);
  static constexpr std::size_t kNotDeclared = static_cast<std::size_t>(-1);
  std::size_t index_of(std::string_view path) const;
  std::vector<DeclaredElement> elements_;
  std::vector<std::string_view> element_names_;
  std::vector<std::string_view> attribute_names_;
  std::vector<std::string> declaration_problems_;
};

// The contract of every registered collector and of the document itself.
const FactsContract& facts_contract();

// "/facts/kext/import": the names of the node and its ancestors, from the root element.
std::string element_path(pugi::xml_node node);

// Why `value` cannot be the value of `attribute`; nullopt when it can.
std::optional<std::string> value_problem(const contract::Attribute& attribute, std::string_view value);

// Everything in the document below `root` (a <facts> element) that the contract does not
// declare: elements, attributes, and values that do not fit their type.
std::vector<std::string> contract_problems(pugi::xml_node root, const FactsContract& contract = facts_contract());

}  // namespace nwaudit
