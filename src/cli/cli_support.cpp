#include "cli/cli_support.h"

#include <fmt/core.h>

#include <algorithm>
#include <cstdio>
#include <fstream>

#include "nwaudit/exit_codes.h"
#include "nwaudit/rules/rule_files.h"
#include "nwaudit/source/rooted_source.h"

namespace nwaudit::cli {

void complain(const std::string& text) { fmt::print(stderr, "nwaudit: {}\n", text); }

std::unique_ptr<Source> open_source(const std::optional<std::string>& root, int& status) {
#ifdef __APPLE__
  const std::string directory = root.value_or("/");
#else
  if (!root) {
    complain("this is not macOS, so there is no live Mac to audit here.\n"
             "  Audit a copy of one instead: --root DIR (a snapshot, or one of the Macs under fixtures/macs/),\n"
             "  or a saved facts document: --facts FILE.");
    status = exit_code::kUsage;
    return nullptr;
  }
  const std::string directory = *root;
#endif
  auto source = RootedSource::open(directory);
  if (!source) {
    complain(source.error().describe());
    status = exit_code::kInputError;
    return nullptr;
  }
  return std::move(*source);
}

Knowledge load_knowledge_for(const InputOptions& options) {
  std::vector<std::filesystem::path> directories = standard_rule_directories();
  directories.insert(directories.end(), options.rule_directories.begin(), options.rule_directories.end());
  Knowledge knowledge = load_knowledge(directories);
  for (const Error& problem : knowledge.problems) complain(problem.describe());
  std::erase_if(knowledge.rules, [&](const Rule& rule) {
    return std::find(options.disabled_rules.begin(), options.disabled_rules.end(), rule.id) != options.disabled_rules.end();
  });
  return knowledge;
}

int emit(const std::string& text, const std::optional<std::string>& output) {
  if (!output || *output == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0 ? exit_code::kOk : exit_code::kInputError;
  }
  std::ofstream file(*output, std::ios::binary | std::ios::trunc);
  file << text;
  file.close();
  if (!file) {
    complain("cannot write " + *output);
    return exit_code::kInputError;
  }
  return exit_code::kOk;
}

}  // namespace nwaudit::cli
