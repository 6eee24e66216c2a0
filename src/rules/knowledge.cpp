#include "nwaudit/rules/knowledge.h"

#include "nwaudit/rules/rule_files.h"
#include "nwaudit/rules/xml_file.h"

namespace nwaudit {

Knowledge load_knowledge(const std::vector<std::filesystem::path>& directories) {
  Knowledge knowledge;
  for (const auto& path : xml_files_in(directories, knowledge.problems)) {
    auto text = read_rule_file(path);
    if (!text) {
      knowledge.problems.push_back(text.error());
      continue;
    }
    const XmlFile file(path.string(), std::move(*text));
    if (!file.well_formed()) {
      knowledge.problems.push_back(file.parse_error());
      continue;
    }
    const std::string_view root = file.root().name();
    if (root == "vendors") {
      for (Error& problem : knowledge.vendors.add(file)) knowledge.problems.push_back(std::move(problem));
    } else {
      knowledge.problems.push_back(file.error_at(file.root(), "unknown root element <" + std::string(root) +
                                                                  ">; expected <vendors>"));
    }
  }
  return knowledge;
}

}  // namespace nwaudit
