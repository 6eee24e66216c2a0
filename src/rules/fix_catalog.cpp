#include "fix_catalog.h"

namespace nwaudit {

std::vector<FixReference> fix_references_in(pugi::xml_node rule, const XmlFile& file) {
  std::vector<FixReference> references;
  std::size_t index = 0;
  for (pugi::xml_node fix : rule.children("fix")) {
    if (fix.attribute("ref")) references.push_back({index, file.error_at(fix, {})});
    ++index;
  }
  return references;
}

void FixCatalog::define(Fix fix, bool complete, std::size_t folder, std::vector<Error>& problems) {
  auto existing = defined_.find(fix.id);
  if (existing != defined_.end() && existing->second.folder == folder) {
    problems.push_back(Error{ErrorKind::malformed, fix.file, {},
                             "duplicate fix id " + fix.id + ", first defined at " + existing->second.fix.file + ":" +
                                 std::to_string(existing->second.fix.line),
                             fix.line});
    return;
  }
  std::string id = fix.id;  // not fix.id itself: the Fix is moved before the key is read
  ids_.clear();
  defined_.insert_or_assign(std::move(id), Defined{std::move(fix), complete, folder});
}

bool FixCatalog::resolve(Rule& rule, const std::vector<FixReference>& references, std::vector<Error>& problems) {
  bool resolved = true;
  for (const FixReference& reference : references) {
    Fix& fix = rule.fixes.at(reference.index);
    auto found = defined_.find(fix.id);
    if (found != defined_.end() && found->second.complete) {
      Fix offered = found->second.fix;
      offered.if_attribute = std::move(fix.if_attribute);  // the rule's condition for offering it
      offered.unless_attribute = std::move(fix.unless_attribute);
      fix = std::move(offered);
      continue;
    }
    Error problem = reference.site;
    if (found == defined_.end()) {
      problem.reason = "rule " + rule.id + " refers to unknown fix " + fix.id + suggestion_for(fix.id);
    } else {
      problem.reason = "rule " + rule.id + " refers to fix " + fix.id + ", whose definition at " +
                       found->second.fix.file + ":" + std::to_string(found->second.fix.line) + " has problems";
    }
    problems.push_back(std::move(problem));
    resolved = false;
  }
  return resolved;
}

std::vector<Fix> FixCatalog::definitions() const {
  std::vector<Fix> fixes;
  for (const auto& [id, defined] : defined_) {
    if (defined.complete) fixes.push_back(defined.fix);
  }
  return fixes;
}

std::string FixCatalog::suggestion_for(const std::string& id) {
  if (ids_.empty()) {
    for (const auto& [candidate, defined] : defined_) ids_.emplace_back(candidate);
  }
  const std::string closest = closest_ids_.find(id, ids_);
  return closest.empty() ? "" : " (did you mean " + closest + "?)";
}

}  // namespace nwaudit
