#include "cli_support.h"

#include <fmt/core.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <utility>

#include "exit_codes.h"
#include "nwaudit/base/available_cores.h"
#include "nwaudit/audit/audit.h"
#include "nwaudit/live/live_source.h"
#include "nwaudit/facts/collectors.h"
#include "nwaudit/facts/sysdiagnose_source.h"
#include "nwaudit/rules/rule_files.h"
#include "nwaudit/source/archive_source.h"
#include "nwaudit/source/rooted_source.h"
#include "nwaudit/version.h"

namespace nwaudit::cli {

namespace {
// Where complain() puts its text on this thread while a HeldComplaints lives, else nullptr.
thread_local std::string* held_complaints = nullptr;
}  // namespace

void complain(const std::string& text) {
  if (held_complaints != nullptr) {
    *held_complaints += fmt::format("nwaudit: {}\n", text);
  } else {
    fmt::print(stderr, "nwaudit: {}\n", text);
  }
}

HeldComplaints::HeldComplaints() : outer_(held_complaints) { held_complaints = &held_; }

HeldComplaints::~HeldComplaints() {
  held_complaints = outer_;
  if (outer_ != nullptr) {
    *outer_ += held_;
  } else {
    print_complaints(held_);
  }
}

std::string HeldComplaints::take() { return std::exchange(held_, {}); }

void print_complaints(const std::string& taken) {
  std::fwrite(taken.data(), 1, taken.size(), stderr);
  std::fflush(stderr);
}

bool use_color(const std::optional<std::string>& output) {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return (!output || *output == "-") && ::isatty(STDOUT_FILENO) == 1;
}

namespace {

// A folder as the Mac's "/", or an archive of one (a regular file, whatever its name).
Expected<std::unique_ptr<Source>> open_tree_or_archive(const std::string& root) {
  std::error_code ignored;
  if (std::filesystem::is_regular_file(root, ignored)) {
    auto archive = ArchiveSource::open(root);
    if (!archive) return std::move(archive).error();
    return std::unique_ptr<Source>(std::move(*archive));
  }
  auto tree = RootedSource::open(root);
  if (!tree) return std::move(tree).error();
  return std::unique_ptr<Source>(std::move(*tree));
}

// The entries an archive refused, in coverage under "archive" (a collector that asked for one
// has its own coverage entry already).
void record_refused_entries(const ArchiveSource& archive, Facts& facts) {
  const pugi::xml_node coverage = facts.document().document_element().child("coverage");
  for (const Error& refused : archive.refused()) {
    if (coverage.find_child_by_attribute("source", "path", refused.path.c_str())) continue;
    facts.record_problem("archive", refused);
  }
}

}  // namespace

std::unique_ptr<Source> open_source(const std::optional<std::string>& root, int& status) {
#ifndef __APPLE__
  if (!root) {
    complain("this is not macOS, so there is no live Mac to audit here.\n"
             "  Audit a copy of one instead: --root DIR (a snapshot, or one of the Macs under fixtures/macs/),\n"
             "  or a saved facts document: --facts FILE.");
    status = exit_code::kUsage;
    return nullptr;
  }
#endif
  auto source = open_tree_or_archive(root.value_or("/"));
  if (!source) {
    complain(source.error().describe());
    status = exit_code::kInputError;
    return nullptr;
  }
#ifdef __APPLE__
  if (!root) return std::make_unique<LiveSource>(std::move(*source), macos_live_captures(), "the live system");
#endif
  return std::move(*source);
}

std::unique_ptr<Source> open_sysdiagnose(const std::string& path, int& status) {
  std::unique_ptr<Source> source = open_source(path, status);
  if (!source || find_sysdiagnose(*source)) return source;
  complain(path + ": not a macOS sysdiagnose: no network-info/ folder with sw_vers.txt or network-info/ifconfig.txt "
                  "beside it, and no System/ folder, at its top or in its one sysdiagnose_* folder");
  status = exit_code::kInputError;
  return nullptr;
}

std::unique_ptr<Source> open_input_source(const InputOptions& input, int& status) {
  return input.sysdiagnose ? open_sysdiagnose(*input.sysdiagnose, status) : open_source(input.root, status);
}

unsigned reading_threads(unsigned jobs) { return jobs != 0 ? jobs : std::min(available_cores(), 8u); }

std::unique_ptr<Facts> collect_mac_facts(const Source& source, const Knowledge& knowledge, unsigned jobs) {
  return collect_mac_facts(source, [&]() -> const VendorCatalog& { return knowledge.vendors; }, jobs);
}

std::unique_ptr<Facts> collect_mac_facts(const Source& source, const VendorCatalogWhenAsked& vendors, unsigned jobs) {
  auto facts = std::make_unique<Facts>(kVersion, source.description());
  collect_facts(source, vendors, *facts, reading_threads(jobs));
  if (const auto* archive = dynamic_cast<const ArchiveSource*>(&source)) record_refused_entries(*archive, *facts);
  return facts;
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

AuditResult audit_with(const pugi::xml_document& facts, const Knowledge& knowledge, unsigned jobs) {
  AuditResult result = run_audit(facts, knowledge.rules, reading_threads(jobs));
  result.tool_version = kVersion;
  result.rules_version = knowledge.version;
  result.rule_problems.insert(result.rule_problems.begin(), knowledge.problems.begin(), knowledge.problems.end());
  return result;
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
