#include "nwaudit/rules/knowledge.h"

#include "nwaudit/rules/rule_files.h"
#include "nwaudit/rules/xml_file.h"
#include "rules/rule_loader.h"

namespace nwaudit {
namespace {

// Stage one for a file (read and parse), then hand it to the loader its root element names.
void load_file(const std::filesystem::path& path, std::size_t folder, Knowledge& knowledge, RuleLoader& rules) {
  auto text = read_rule_file(path);
  if (!text) {
    knowledge.problems.push_back(text.error());
    return;
  }
  const XmlFile file(path.string(), std::move(*text));
  if (!file.well_formed()) {
    knowledge.problems.push_back(file.parse_error());
    return;
  }
  const std::string_view root = file.root().name();
  if (root == "vendors") {
    for (Error& problem : knowledge.vendors.add(file)) knowledge.problems.push_back(std::move(problem));
  } else if (root == "rules") {
    rules.add(file, folder, knowledge.problems);
  } else {
    knowledge.problems.push_back(
        file.error_at(file.root(), "unknown root element <" + std::string(root) + ">; expected <rules> or <vendors>"));
  }
}

}  // namespace

Knowledge load_knowledge(const std::vector<std::filesystem::path>& directories) {
  Knowledge knowledge;
  RuleLoader rules;
  for (std::size_t folder = 0; folder < directories.size(); ++folder) {
    for (const auto& path : xml_files_in({directories[folder]}, knowledge.problems)) {
      load_file(path, folder, knowledge, rules);
    }
  }
  knowledge.rules = rules.finish();
  return knowledge;
}


}  // namespace nwaudit
