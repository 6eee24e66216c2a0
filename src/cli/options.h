#pragma once

#include <optional>
#include <cstddef>
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

// How to observe the path: the probe's connections, a running process, or an lsof listing.
struct MeasureOptions {
  std::size_t connections = 8;                // --connections N
  double timeout_seconds = 5;                 // --timeout SECONDS
  std::optional<std::string> target;          // --probe-target HOST:PORT
  std::optional<int> pid;                     // --pid PID (probe only)
  std::optional<std::string> lsof;            // --lsof FILE
};

struct AuditOptions {
  InputOptions input;
  MeasureOptions measure;
  bool no_probe = false;
  std::string format = "text";
  std::optional<std::string> output;
  std::string fail_on = "none";
};

struct ProbeOptions {
  MeasureOptions measure;
  std::string format = "text";
  std::optional<std::string> output;
};

struct FactsOptions {
  InputOptions input;
  std::optional<std::string> output;
  bool schema = false;  // --schema: the facts contract instead of a Mac's facts
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
int run_probe_command(const ProbeOptions& options);
int run_facts_command(const FactsOptions& options);
int run_plist_command(const PlistOptions& options);
int run_rules_lint(const RulesOptions& options);
int run_rules_list(const RulesOptions& options);
int run_explain(const std::string& id, const RulesOptions& options);

}  // namespace nwaudit::cli
