#pragma once

#include <map>
#include <string>
#include <vector>

#include "fix_catalog.h"
#include "nwaudit/base/error.h"
#include "nwaudit/rules/rule.h"
#include "nwaudit/base/xml_file.h"

namespace nwaudit {

// Gathers the rules and shared fixes of every <rules> file, folder by folder, and settles
// them at the end: a later folder's rule or fix replaces an earlier one's with its id, two
// in one folder are an error, each <fix ref> gets the fix defined last with its id, and
// <disable> turns a rule off wherever it came from.
class RuleLoader {
 public:
  // Validates and compiles each <rule> of the file, and adds its shared fixes; problems go to `problems`.
  void add(const XmlFile& file, std::size_t folder, std::vector<Error>& problems);
  // Adds the file's shared fixes (<fix id> at the top level) only.
  void add_fixes(const XmlFile& file, std::size_t folder, std::vector<Error>& problems);

  // The enabled rules, sorted by id, with their shared fixes resolved; a rule offering a fix
  // that is not defined is a problem and left out.
  std::vector<Rule> finish(std::vector<Error>& problems);
  // The shared fixes in effect, by id.
  std::vector<Fix> shared_fixes() const { return fixes_.definitions(); }

 private:
  struct Loaded {
    Rule rule;
    std::size_t folder;
    std::vector<FixReference> references;
  };
  std::map<std::string, Loaded> rules_;
  FixCatalog fixes_;
  std::vector<std::string> disabled_;
};

}  // namespace nwaudit
