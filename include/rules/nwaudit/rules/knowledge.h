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
  std::vector<Fix> fixes;       // the shared fixes (<fix id> in a <rules> file) in effect, by id
  std::vector<Error> problems;  // each names the file and, where it can, the line
  // "sha256:" and 16 hex digits over the name and contents of every rule and vendor file read,
  // in order: the same files give the same version wherever they are installed.
  std::string version;
};

// Loads every *.xml file in the directories, in order (later directories override earlier
// ones): a <vendors> file goes into the vendor catalog, a <rules> file into the rules and
// shared fixes (staged: read, validate, compile, then each rule's <fix ref> resolved; see
// nwaudit-rules(5)). A file that cannot be read or parsed, or
// whose root element is not one nwaudit knows, is a problem and is skipped; a bad rule is a
// problem and the file's other rules are kept. The shared fixes of `fix_folders` are read
// first, and nothing else of theirs: `rules lint DIR` checks DIR's rules, which may offer
// the shipped fixes.
Knowledge load_knowledge(const std::vector<std::filesystem::path>& directories,
                         const std::vector<std::filesystem::path>& fix_folders = {});

// One knowledge file held in memory, loaded as load_knowledge loads a directory holding only
// it; `path` names it in problems.
Knowledge load_knowledge_text(std::string path, std::string text);

}  // namespace nwaudit
