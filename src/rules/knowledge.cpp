#include "nwaudit/rules/knowledge.h"

#include "nwaudit/rules/rule_files.h"
#include "nwaudit/base/xml_file.h"
#include "rule_loader.h"

namespace nwaudit {
namespace {

// Parses a file's text, then hands it to the loader its root element names.
void load_text(std::string path, std::string text, std::size_t folder, Knowledge& knowledge, RuleLoader& rules) {
  const XmlFile file(std::move(path), std::move(text));
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

void load_file(const std::filesystem::path& path, std::size_t folder, Knowledge& knowledge, RuleLoader& rules) {
  auto text = read_rule_file(path);
  if (!text) {
    knowledge.problems.push_back(text.error());
    return;
  }
  load_text(path.string(), std::move(*text), folder, knowledge, rules);
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

Knowledge load_knowledge_text(std::string path, std::string text) {
  Knowledge knowledge;
  RuleLoader rules;
  load_text(std::move(path), std::move(text), 0, knowledge, rules);
  knowledge.rules = rules.finish();
  return knowledge;
}


}  // namespace nwaudit
