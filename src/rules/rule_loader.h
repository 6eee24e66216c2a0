#pragma once

#include <map>
#include <string>
#include <vector>

#include "nwaudit/base/error.h"
#include "nwaudit/rules/rule.h"
#include "nwaudit/base/xml_file.h"

namespace nwaudit {

// Gathers the rules of every <rules> file, folder by folder, and settles them at the end:
// a later folder's rule replaces an earlier one's with its id, two in one folder are an
// error, and <disable> turns a rule off wherever it came from.
class RuleLoader {
 public:
  // Validates and compiles each <rule> of the file; problems go to `problems`.
  void add(const XmlFile& file, std::size_t folder, std::vector<Error>& problems);

  // The enabled rules, sorted by id.
  std::vector<Rule> finish();

 private:
  struct Loaded {
    Rule rule;
    std::size_t folder;
  };
  std::map<std::string, Loaded> rules_;
  std::vector<std::string> disabled_;
};

}  // namespace nwaudit
