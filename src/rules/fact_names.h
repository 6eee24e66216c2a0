#pragma once

#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "condition_syntax.h"

// Whether the facts a rule names exist: the element and attribute names of its condition and
// of its {@name} placeholders, checked against the facts contract, so that a misspelled name
// is an error and not a rule that silently never fires.
namespace nwaudit {

// One problem for each distinct element or attribute name in the condition (which must be one
// pugixml compiles) that no fact has, naming the rule and the closest name that exists:
// "rule R: <when> uses @loded, an attribute no fact has (did you mean @loaded?)".
std::vector<std::string> unknown_condition_names(std::string_view rule_id, std::string_view condition);
// The same for a condition already parsed.
std::vector<std::string> unknown_condition_names(std::string_view rule_id, const Expression& condition);

// The problem with the placeholder {@name} written in `where` (a rule's <message>, or a <fix>),
// naming its rule when it is in one; nullopt when some fact has the attribute.
std::optional<std::string> unknown_placeholder(pugi::xml_node where, std::string_view name);

// The problem with a <fix>'s if-attribute or unless-attribute naming `name`; nullopt when some
// fact has the attribute.
std::optional<std::string> unknown_fix_condition(pugi::xml_node where, std::string_view name);

}  // namespace nwaudit
