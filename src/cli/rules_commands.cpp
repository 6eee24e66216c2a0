#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "cli_support.h"
#include "exit_codes.h"
#include "nwaudit/rules/condition_budget.h"
#include "nwaudit/rules/rule_files.h"

namespace nwaudit::cli {
namespace {

std::string os_range(const Rule& rule) {
  if (!rule.os_min && !rule.os_max) return "any";
  return (rule.os_min ? rule.os_min->text() : std::string("any")) + " to " +
         (rule.os_max ? rule.os_max->text() : std::string("now"));
}

std::string fix_needs(const Fix& fix) {
  std::string needs;
  for (auto [flag, word] : {std::pair{fix.needs_admin, "admin rights"}, std::pair{fix.needs_reboot, "a restart"},
                            std::pair{fix.needs_mdm, "MDM"}}) {
    if (flag) needs += (needs.empty() ? "" : ", ") + std::string(word);
  }
  return needs;
}

}  // namespace

int run_rules_lint(const RulesOptions& options) {
  std::vector<std::filesystem::path> directories(options.directories.begin(), options.directories.end());
  std::vector<std::filesystem::path> fix_folders;  // the rules of the folders given may offer the shipped fixes
  if (directories.empty()) {
    directories.push_back(shipped_rules_directory());
  } else {
    fix_folders.push_back(shipped_rules_directory());
  }
  const Knowledge knowledge = load_knowledge(directories, fix_folders);
  for (const Error& problem : knowledge.problems) fmt::print("{}\n", problem.describe());
  for (const Rule& rule : knowledge.rules) {
    if (auto costly = condition_cost_warning(rule.condition)) {
      fmt::print("{}: line {}: rule {}: warning: {}\n", rule.file, rule.line, rule.id, *costly);
    }
  }
  fmt::print("{} rule{} loaded, {} problem{}\n", knowledge.rules.size(), knowledge.rules.size() == 1 ? "" : "s",
             knowledge.problems.size(), knowledge.problems.size() == 1 ? "" : "s");
  return knowledge.problems.empty() ? exit_code::kOk : exit_code::kRuleError;
}

int run_rules_list(const RulesOptions& options) {
  InputOptions input;
  input.rule_directories = options.directories;
  const Knowledge knowledge = load_knowledge_for(input);
  if (options.format == "json") {
    nlohmann::json list = nlohmann::json::array();
    for (const Rule& rule : knowledge.rules) {
      list.push_back({{"id", rule.id}, {"title", rule.title}, {"cause", to_string(rule.cause)},
                      {"effect", to_string(rule.effect)}, {"severity", to_string(rule.severity)},
                      {"confidence", to_string(rule.confidence)}, {"os", os_range(rule)},
                      {"file", rule.file}, {"line", rule.line}});
    }
    fmt::print("{}\n", list.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
  } else if (options.format == "text") {
    for (const Rule& rule : knowledge.rules) {
      fmt::print("{:<32} {:<20} {:<16} {:<8} {}\n", rule.id, to_string(rule.cause), to_string(rule.effect),
                 to_string(rule.severity), rule.title);
    }
  } else {
    complain("unknown --format " + options.format + " (text or json)");
    return exit_code::kUsage;
  }
  return knowledge.problems.empty() ? exit_code::kOk : exit_code::kRuleError;
}

int run_explain(const std::string& id, const RulesOptions& options) {
  InputOptions input;
  input.rule_directories = options.directories;
  const Knowledge knowledge = load_knowledge_for(input);
  const auto rule = std::find_if(knowledge.rules.begin(), knowledge.rules.end(), [&](const Rule& r) { return r.id == id; });
  if (rule == knowledge.rules.end()) {
    complain("no rule " + id + "; `nwaudit rules list` shows them all");
    return exit_code::kUsage;
  }
  fmt::print("{}: {}\n\n", rule->id, rule->title);
  fmt::print("  cause       {}\n  effect      {}\n  severity    {}\n  confidence  {}\n  macOS       {}\n",
             to_string(rule->cause), to_string(rule->effect), to_string(rule->severity), to_string(rule->confidence),
             os_range(*rule));
  fmt::print("  condition   {}\n  defined in  {}:{}\n\n", rule->condition, rule->file, rule->line);
  if (!rule->explanation.empty()) fmt::print("{}\n\n", rule->explanation);
  for (const Fix& fix : rule->fixes) {
    fmt::print("Fix ({}): {}\n", fix.audience == "app" ? "in the app" : "on the Mac", fix.title);
    if (!fix.id.empty()) fmt::print("  shared fix {}, defined in {}:{}\n", fix.id, fix.file, fix.line);
    if (!fix.description.empty()) fmt::print("  {}\n", fix.description);
    if (!fix.command.empty()) fmt::print("  $ {}\n", fix.command);
    if (const std::string needs = fix_needs(fix); !needs.empty()) fmt::print("  needs: {}\n", needs);
    if (!fix.side_effects.empty()) fmt::print("  side effects: {}\n", fix.side_effects);
    fmt::print("\n");
  }
  for (const Reference& reference : rule->references) {
    fmt::print("See: {}{}\n", reference.title, reference.url.empty() ? "" : " <" + reference.url + ">");
  }
  return exit_code::kOk;
}

}  // namespace nwaudit::cli
