#pragma once

#include <optional>
#include <string>
#include <vector>

namespace nwaudit::cli {

// Where the Mac comes from, and which knowledge files apply: shared by audit and facts.
struct InputOptions {
  std::optional<std::string> root;        // --root DIR
  std::optional<std::string> facts_file;  // --facts FILE (audit only)
  std::vector<std::string> rule_directories;
  std::vector<std::string> disabled_rules;
};

struct AuditOptions {
  InputOptions input;
  std::string format = "text";
  std::optional<std::string> output;
  std::string fail_on = "none";
};

struct FactsOptions {
  InputOptions input;
  std::optional<std::string> output;
};

struct PlistOptions {
  std::optional<std::string> root;
  std::string path;
  bool unarchive = false;
};

struct RulesOptions {
  std::vector<std::string> directories;  // lint: the folders to check; list: extra folders
  std::string format = "text";
};

// Each returns the process exit status (nwaudit/exit_codes.h).
int run_audit_command(const AuditOptions& options);
int run_facts_command(const FactsOptions& options);
int run_plist_command(const PlistOptions& options);
int run_rules_lint(const RulesOptions& options);
int run_rules_list(const RulesOptions& options);
int run_explain(const std::string& id, const RulesOptions& options);

}  // namespace nwaudit::cli
