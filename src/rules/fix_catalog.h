#pragma once

#include <map>
#include <string>
#include <vector>

#include "closest_name.h"
#include "nwaudit/base/error.h"
#include "nwaudit/base/xml_file.h"
#include "nwaudit/rules/rule.h"

namespace nwaudit {

// Where a rule refers to a shared fix with <fix ref="ID"/>.
struct FixReference {
  std::size_t index;  // in Rule::fixes, where a Fix holding only the id waits to be resolved
  Error site;         // the <fix ref> element's file and line, for problems
};

// The <fix ref> elements of a <rule> that was read without problems.
std::vector<FixReference> fix_references_in(pugi::xml_node rule, const XmlFile& file);

// The fixes rule files define once, with an id, at the top level of <rules>. As with rules,
// a later folder's definition replaces an earlier one's with its id, and two in one folder
// are an error. References are resolved once every folder is read, so that a replaced
// definition is the one every rule offers, whichever folder the rule came from.
class FixCatalog {
 public:
  // Adds the definition `fix` (its id, file and line set) from `folder`. One with problems
  // (`complete` false, already reported) is remembered, so that a rule offering it is named.
  void define(Fix fix, bool complete, std::size_t folder, std::vector<Error>& problems);

  // Replaces each reference among the rule's fixes with the definition in effect, its
  // placeholders still to be filled per finding. False, with a problem for each reference to
  // a fix that is not defined (naming the closest id) or has problems, when any is.
  bool resolve(Rule& rule, const std::vector<FixReference>& references, std::vector<Error>& problems);

  // The complete definitions in effect, by id.
  std::vector<Fix> definitions() const;

 private:
  struct Defined {
    Fix fix;
    bool complete;
    std::size_t folder;
  };
  std::string suggestion_for(const std::string& id);
  std::map<std::string, Defined> defined_;
  std::vector<std::string_view> ids_;  // of defined_, gathered for the first suggestion
  ClosestName closest_ids_;
};

}  // namespace nwaudit
