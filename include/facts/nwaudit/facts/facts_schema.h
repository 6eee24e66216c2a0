#pragma once

#include <string_view>

namespace nwaudit {

// Whether some element of the facts document has an attribute of this name, as
// nwaudit-facts(5) documents them. Rule placeholders may only name these.
bool is_documented_fact_attribute(std::string_view name);

}  // namespace nwaudit
