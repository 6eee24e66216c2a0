#include "cli/commands.h"

#include <fmt/core.h>

#include <cstdio>
#include <fstream>
#include <memory>

#include "nwaudit/exit_codes.h"
#include "nwaudit/facts/facts.h"
#include "nwaudit/facts/collectors.h"
#include "nwaudit/plist/keyed_archive.h"
#include "nwaudit/plist/parse.h"
#include "nwaudit/plist/write_xml.h"
#include "nwaudit/rules/knowledge.h"
#include "nwaudit/rules/rule_files.h"
#include "nwaudit/source/rooted_source.h"
#include "nwaudit/version.h"

namespace nwaudit::cli {
namespace {

// The Source for --root, or the live system on a Mac; nullptr after printing why not.
std::unique_ptr<Source> open_source(const std::optional<std::string>& root, int& status) {
#ifdef __APPLE__
  const std::string directory = root.value_or("/");
#else
  if (!root) {
    fmt::print(stderr,
               "nwaudit: this is not macOS, so there is no live Mac to audit here.\n"
               "  Audit a copy of one instead: --root DIR (a snapshot or one of the trees under fixtures/).\n");
    status = exit_code::kUsage;
    return nullptr;
  }
  const std::string directory = *root;
#endif
  auto source = RootedSource::open(directory);
  if (!source) {
    fmt::print(stderr, "nwaudit: {}\n", source.error().describe());
    status = exit_code::kInputError;
    return nullptr;
  }
  return std::move(*source);
}

// Writes text to the -o file or to standard output.
int emit(const std::string& text, const std::optional<std::string>& output) {
  if (!output || *output == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0 ? exit_code::kOk : exit_code::kInputError;
  }
  std::ofstream file(*output, std::ios::binary | std::ios::trunc);
  file << text;
  file.close();
  if (!file) {
    fmt::print(stderr, "nwaudit: cannot write {}\n", *output);
    return exit_code::kInputError;
  }
  return exit_code::kOk;
}

}  // namespace

int run_facts(const FactsOptions& options) {
  int status = exit_code::kOk;
  std::unique_ptr<Source> source = open_source(options.root, status);
  if (!source) return status;
  std::vector<std::filesystem::path> directories{shipped_rules_directory()};
  directories.insert(directories.end(), options.rule_directories.begin(), options.rule_directories.end());
  const Knowledge knowledge = load_knowledge(directories);
  for (const Error& problem : knowledge.problems) fmt::print(stderr, "nwaudit: {}\n", problem.describe());

  Facts facts(kVersion, source->description());
  collect_facts(*source, knowledge.vendors, facts);
  const int written = emit(facts.to_xml(), options.output);
  if (written != exit_code::kOk) return written;
  return knowledge.problems.empty() ? exit_code::kOk : exit_code::kRuleError;
}

int run_plist(const PlistOptions& options) {
  int status = exit_code::kOk;
  std::unique_ptr<Source> source = open_source(options.root ? options.root : std::optional<std::string>("/"), status);
  if (!source) return status;
  auto value = plist::read(*source, options.path);
  if (value && options.unarchive) {
    auto archive = plist::KeyedArchive::open(*value, options.path);
    if (!archive) {
      value = archive.error();
    } else {
      value = archive->decode_top();
    }
  }
  if (!value) {
    fmt::print(stderr, "nwaudit: {}\n", value.error().describe());
    return exit_code::kInputError;
  }
  return emit(plist::write_xml(*value), std::nullopt);
}

}  // namespace nwaudit::cli
