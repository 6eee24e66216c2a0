#include "nwaudit/rules/knowledge.h"

#include "nwaudit/base/sha256.h"

#include "nwaudit/rules/rule_files.h"
#include "nwaudit/base/xml_file.h"
#include "rule_loader.h"

namespace nwaudit {
namespace {

// What is taken from a file: all of it, or only the shared fixes of a <rules> file.
enum class Take { everything, shared_fixes };

// Parses a file's text, then hands it to the loader its root element names.
void load_text(std::string path, std::string text, std::size_t folder, Take take, Knowledge& knowledge,
               RuleLoader& rules) {
  const auto parsed = XmlFile::parse(std::move(path), std::move(text));
  if (!parsed) {
    knowledge.problems.push_back(parsed.error());
    return;
  }
  const XmlFile& file = *parsed;
  const std::string_view root = file.root().name();
  if (take == Take::shared_fixes) {
    if (root == "rules") rules.add_fixes(file, folder, knowledge.problems);
  } else if (root == "vendors") {
    for (Error& problem : knowledge.vendors.add(file)) knowledge.problems.push_back(std::move(problem));
  } else if (root == "rules") {
    rules.add(file, folder, knowledge.problems);
  } else {
    knowledge.problems.push_back(
        file.error_at(file.root(), "unknown root element <" + std::string(root) + ">; expected <rules> or <vendors>"));
  }
}

void load_folder(const std::filesystem::path& directory, std::size_t folder, Take take, Knowledge& knowledge,
                 RuleLoader& rules, Sha256& version) {
  for (const auto& path : xml_files_in({directory}, knowledge.problems)) {
    auto text = read_rule_file(path);
    if (!text) {
      knowledge.problems.push_back(text.error());
      continue;
    }
    if (take == Take::everything) {
      version.update(path.filename().string());
      version.update(std::string_view("\0", 1));
      version.update(*text);
      version.update(std::string_view("\0", 1));
    }
    load_text(path.string(), std::move(*text), folder, take, knowledge, rules);
  }
}

// The rules, their shared fixes resolved, once every file is read.
void settle(RuleLoader& rules, Knowledge& knowledge) {
  knowledge.rules = rules.finish(knowledge.problems);
  knowledge.fixes = rules.shared_fixes();
}

}  // namespace

Knowledge load_knowledge(const std::vector<std::filesystem::path>& directories,
                         const std::vector<std::filesystem::path>& fix_folders) {
  Knowledge knowledge;
  RuleLoader rules;
  std::size_t folder = 0;
  Sha256 version;
  for (const auto& directory : fix_folders) {
    load_folder(directory, folder++, Take::shared_fixes, knowledge, rules, version);
  }
  for (const auto& directory : directories) load_folder(directory, folder++, Take::everything, knowledge, rules, version);
  settle(rules, knowledge);
  knowledge.version = "sha256:" + hex_digits(version.finish(), 16);
  return knowledge;
}

Knowledge load_knowledge_text(std::string path, std::string text) {
  Knowledge knowledge;
  RuleLoader rules;
  load_text(std::move(path), std::move(text), 0, Take::everything, knowledge, rules);
  settle(rules, knowledge);
  return knowledge;
}

}  // namespace nwaudit
