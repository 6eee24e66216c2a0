#pragma once

#include <string>

#include "json_output.h"

namespace nwaudit::report {

// Appends `json` to `out` byte for byte as json.dump(2, ' ', false, replace) writes it, from
// nesting `depth`, without building the text of each part first. Strings of plain printable
// ASCII are copied as they are; any other goes through nlohmann::json's own escaping.
void append_pretty_json(const Json& json, std::size_t depth, std::string& out);

}  // namespace nwaudit::report
