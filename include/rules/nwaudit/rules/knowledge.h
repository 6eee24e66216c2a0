#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "nwaudit/base/error.h"
#include "nwaudit/facts/vendor_catalog.h"
#include "nwaudit/rules/rule.h"

namespace nwaudit {

// Everything nwaudit loads from knowledge files.
struct Knowledge {
  VendorCatalog vendors;
  std::vector<Rule> rules;      // the enabled rules, after replacements and <disable>, sorted by id
  std::vector<Error> problems;  // each names the file and, where it can, the line
};

// Loads every *.xml file in the directories, in order (later directories override earlier
// ones): a <vendors> file goes into the vendor catalog, a <rules> file into the rules (staged:
// read, validate, compile; see nwaudit-rules(5)). A file that cannot be read or parsed, or
// whose root element is not one nwaudit knows, is a problem and is skipped; a bad rule is a
// problem and the file's other rules are kept.
Knowledge load_knowledge(const std::vector<std::filesystem::path>& directories);

// One knowledge file held in memory, loaded as load_knowledge loads a directory holding only
// it; `path` names it in problems.
Knowledge load_knowledge_text(std::string path, std::string text);

}  // namespace nwaudit
