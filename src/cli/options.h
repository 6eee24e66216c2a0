#pragma once

#include <optional>
#include <cstddef>
#include <string>
#include <vector>

namespace nwaudit::cli {

// Where the Mac comes from, and which knowledge files apply: shared by audit and facts.
struct InputOptions {
  std::optional<std::string> root;        // --root DIR
  std::optional<std::string> sysdiagnose;  // --sysdiagnose PATH
  std::optional<std::string> facts_file;  // --facts FILE (audit only)
  std::vector<std::string> rule_directories;
  std::vector<std::string> disabled_rules;
  unsigned jobs = 0;  // --jobs N: threads reading the Mac; 0 for reading_threads' choice
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
  bool brief = false;  // --brief: what fits a ticket
  bool host_name = false;  // --host-name: ndjson names the Mac by its host name, not its pseudonym
  bool redact = false;  // --redact: no user, host, address or network name in the report
};

// nwaudit diff A B: each a folder, archive, sysdiagnose, facts document or saved JSON report.
struct DiffOptions {
  InputOptions input;  // --rules and --disable; the sides are a and b
  std::string a, b;
  std::string sysdiagnose;  // --sysdiagnose a, b or both: read that side as a sysdiagnose
  std::string format = "text";
  std::optional<std::string> output;
};

// nwaudit collect: one .tar.gz of what the audit reads, for support.
struct CollectOptions {
  std::optional<std::string> root;    // --root DIR|ARCHIVE; the live Mac without it
  std::optional<std::string> output;  // -o FILE; nwaudit-DATE-TIME.tar.gz in the current folder without it
  bool no_redact = false;             // --no-redact: keep personal values
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
  bool redact = false;  // --redact: personal values replaced by pseudonyms
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
int run_collect_command(const CollectOptions& options);
int run_diff_command(const DiffOptions& options);
int run_facts_command(const FactsOptions& options);
int run_plist_command(const PlistOptions& options);
int run_rules_lint(const RulesOptions& options);
int run_rules_list(const RulesOptions& options);
int run_explain(const std::string& id, const RulesOptions& options);

}  // namespace nwaudit::cli
