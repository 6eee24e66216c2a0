#include <CLI/CLI.hpp>
#include <exception>
#include <fmt/core.h>
#include <string>
#include <string_view>

#include "options.h"
#include "summarize_command.h"
#include "exit_codes.h"
#include "nwaudit/build_commit.h"
#include "nwaudit/rules/rule_files.h"
#include "nwaudit/version.h"

namespace {

using namespace nwaudit;

void add_input_options(CLI::App& command, cli::InputOptions& input, bool with_facts_file) {
  CLI::Option* root =
      command.add_option("--root", input.root, "Audit the Mac tree under DIR instead of the live system")->type_name("DIR");
  command.add_option("--sysdiagnose", input.sysdiagnose, "Audit a macOS sysdiagnose: its folder or .tar.gz")
      ->type_name("PATH")->excludes(root);
  if (with_facts_file) {
    command.add_option("--facts", input.facts_file, "Audit a facts document saved by `nwaudit facts`")
        ->type_name("FILE");
  }
  command.add_option("--rules", input.rule_directories, "Also load rule and vendor files from DIR (repeatable)")
      ->type_name("DIR");
  command.add_option("--disable", input.disabled_rules, "Do not run the rule ID (repeatable)")->type_name("ID");
  command.add_option("--jobs", input.jobs, "Read kext bundles with N threads (default: the cores available, at most 8)")
      ->type_name("N")->check(CLI::Range(1, 64));
}

void add_measure_options(CLI::App& command, cli::MeasureOptions& measure) {
  command.add_option("--probe-target", measure.target, "Probe HOST:PORT instead of a loopback listener of its own")
      ->type_name("HOST:PORT");
  command.add_option("--connections", measure.connections, "How many connections the probe opens (default 8)")
      ->type_name("N")->check(CLI::Range(1, 1000));
  command.add_option("--timeout", measure.timeout_seconds, "How long the probe waits for its connections (default 5)")
      ->type_name("SECONDS")->check(CLI::Range(0.1, 120.0));
  command.add_option("--lsof", measure.lsof, "Classify the descriptors in `lsof -p PID` output saved to FILE")
      ->type_name("FILE");
}

// `nwaudit --root X` means `nwaudit audit --root X`: audit is the default command.
std::vector<std::string> with_default_command(int argc, char** argv) {
  std::vector<std::string> arguments(argv + 1, argv + argc);
  static constexpr std::string_view kCommands[] = {"audit", "probe", "facts", "plist", "rules", "explain", "diff", "collect",
                                                   "summarize"};
  const bool has_command = !arguments.empty() && std::find(std::begin(kCommands), std::end(kCommands), arguments[0]) != std::end(kCommands);
  const bool asks_help = !arguments.empty() && (arguments[0] == "--help" || arguments[0] == "-h" || arguments[0] == "--version");
  if (!has_command && !asks_help) arguments.insert(arguments.begin(), "audit");
  std::reverse(arguments.begin(), arguments.end());  // CLI11 takes them last first
  return arguments;
}

// What --version prints: the version, the commit it was built from ("unknown" outside a
// git checkout), and the rule folders an audit reads, the shipped one first.
std::string version_text() {
  std::string text = fmt::format("nwaudit {}\ncommit: {}", kVersion, kBuildCommit);
  for (const auto& folder : standard_rule_directories()) text += fmt::format("\nrules: {}", folder.string());
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"nwaudit: will Network.framework use user-space networking or one socket per connection on this Mac?"};
  app.name("nwaudit");
  app.set_version_flag("--version", version_text, "Print the version, the commit it was built from and the rule "
                                                 "folders it reads, then exit");
  app.require_subcommand(1);

  cli::AuditOptions audit;
  CLI::App* audit_command = app.add_subcommand("audit", "Find what decides the network path and report it (the default)");
  add_input_options(*audit_command, audit.input, true);
  audit_command->add_option("--format", audit.format, "text, json, markdown or sarif")->type_name("FORMAT");
  audit_command->add_option("-o,--output", audit.output, "Write the report to FILE")->type_name("FILE");
  audit_command->add_option("--fail-on", audit.fail_on, "Exit 1 when a finding is this severe or more: none, info, low, "
                                                        "medium, high, critical")->type_name("SEVERITY");

  audit_command->add_flag("--brief", audit.brief, "Only the verdict, its causes with their first fix, and what could "
                                                 "not be read: about 25 lines, for a ticket (any format)");
  audit_command->add_flag("--host-name", audit.host_name, "In ndjson, name the Mac by its host name instead of "
                                                         "a pseudonym");
  audit_command->add_flag("--redact", audit.redact, "Replace user, host and network names, serial numbers, "
                                                   "addresses and accounts with pseudonyms (user-1, 10.x-2, ...)");
  add_measure_options(*audit_command, audit.measure);
  audit_command->add_flag("--no-probe", audit.no_probe, "On a live Mac, do not probe the path with real connections");

  cli::ProbeOptions probe;
  CLI::App* probe_command = app.add_subcommand("probe", "Observe the path: open connections and count descriptors, "
                                                        "or count those of a running app or an lsof listing");
  add_measure_options(*probe_command, probe.measure);
  probe_command->add_option("--pid", probe.measure.pid, "Count the descriptors of the running process PID instead")
      ->type_name("PID")->check(CLI::PositiveNumber);
  probe_command->add_option("--format", probe.format, "text, json or markdown")->type_name("FORMAT");
  probe_command->add_option("-o,--output", probe.output, "Write the report to FILE")->type_name("FILE");

  cli::DiffOptions diff;
  CLI::App* diff_command = app.add_subcommand("diff", "Compare two Macs: both verdicts, then what differs, causes first");
  diff_command->add_option("a", diff.a, "A: a Mac's folder, archive or sysdiagnose, a facts document or a JSON report")
      ->required();
  diff_command->add_option("b", diff.b, "B: the same kinds as A")->required();
  diff_command->add_option("--sysdiagnose", diff.sysdiagnose, "Read side a, b or both as a sysdiagnose (one is "
                                                              "recognised without it)")->type_name("SIDE");
  diff_command->add_option("--rules", diff.input.rule_directories, "Also load rule and vendor files from DIR (repeatable)")
      ->type_name("DIR");
  diff_command->add_option("--disable", diff.input.disabled_rules, "Do not run the rule ID (repeatable)")->type_name("ID");
  diff_command->add_option("--format", diff.format, "text, json or markdown")->type_name("FORMAT");
  diff_command->add_option("-o,--output", diff.output, "Write the report to FILE")->type_name("FILE");

  cli::CollectOptions collect;
  CLI::App* collect_command = app.add_subcommand("collect", "Write one .tar.gz of what nwaudit reads on this Mac, "
                                                            "redacted, to send to support");
  collect_command->add_option("--root", collect.root, "Collect from the Mac tree or archive DIR instead of the live "
                                                      "system")->type_name("DIR");
  collect_command->add_option("-o,--output", collect.output, "Write the bundle to FILE (default: "
                                                             "nwaudit-DATE-TIME.tar.gz here)")->type_name("FILE");
  collect_command->add_flag("--no-redact", collect.no_redact, "Keep user and host names, serial numbers, addresses "
                                                              "and network names in the bundle");

  cli::SummarizeOptions summarize;
  CLI::App* summarize_command = app.add_subcommand("summarize", "Count a fleet's JSON or ndjson reports: verdicts, causes, "
                                                                "vendors, macOS versions, the remediation that helps most");
  summarize_command->add_option("paths", summarize.paths, "Reports: files, folders, archives or collect bundles")
      ->type_name("PATH")->required();
  summarize_command->add_option("--rules", summarize.rule_directories, "Also load rule files from DIR, to know the "
                                                                       "rules of ndjson lines (repeatable)")->type_name("DIR");
  summarize_command->add_option("--format", summarize.format, "text, json, markdown or html")->type_name("FORMAT");
  summarize_command->add_option("-o,--output", summarize.output, "Write the summary to FILE")->type_name("FILE");

  cli::FactsOptions facts;
  CLI::App* facts_command = app.add_subcommand("facts", "Print the facts document nwaudit collects from a Mac");
  add_input_options(*facts_command, facts.input, false);
  facts_command->add_option("-o,--output", facts.output, "Write to FILE instead of standard output")->type_name("FILE");
  facts_command->add_flag("--redact", facts.redact, "Replace personal values with pseudonyms, as audit --redact does");
  facts_command->add_flag("--schema", facts.schema, "Print the facts contract, every element and attribute, as JSON")
      ->excludes("--root");

  cli::PlistOptions plist;
  CLI::App* plist_command = app.add_subcommand("plist", "Print a property list (XML, binary or keyed archive) as XML");
  plist_command->add_option("--root", plist.root, "Resolve PATH inside DIR (default /)")->type_name("DIR");
  plist_command->add_option("path", plist.path, "The property list's path on the Mac")->required();
  plist_command->add_flag("--unarchive", plist.unarchive, "Decode an NSKeyedArchiver graph into plain values");

  cli::RulesOptions rules;
  CLI::App* rules_command = app.add_subcommand("rules", "Check or list rule files");
  rules_command->require_subcommand(1);
  CLI::App* lint_command = rules_command->add_subcommand("lint", "Check rule files without auditing (default: the shipped ones)");
  lint_command->add_option("directories", rules.directories, "Folders of rule files")->type_name("DIR");
  CLI::App* list_command = rules_command->add_subcommand("list", "List the rules that would run");
  list_command->add_option("--rules", rules.directories, "Also load rules from DIR (repeatable)")->type_name("DIR");
  list_command->add_option("--format", rules.format, "text or json")->type_name("FORMAT");

  std::string explained;
  CLI::App* explain_command = app.add_subcommand("explain", "Explain a rule: its cause, evidence, fixes and sources");
  explain_command->add_option("id", explained, "The rule's id")->required();
  explain_command->add_option("--rules", rules.directories, "Also load rules from DIR (repeatable)")->type_name("DIR");

  try {
    std::vector<std::string> arguments = with_default_command(argc, argv);
    app.parse(arguments);
  } catch (const CLI::Success& success) {
    return app.exit(success);
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return exit_code::kUsage;
  }

  try {
    if (*probe_command) return cli::run_probe_command(probe);
    if (*diff_command) return cli::run_diff_command(diff);
    if (*collect_command) return cli::run_collect_command(collect);
    if (*summarize_command) return cli::run_summarize_command(summarize);
    if (*facts_command) return cli::run_facts_command(facts);
    if (*plist_command) return cli::run_plist_command(plist);
    if (*lint_command) return cli::run_rules_lint(rules);
    if (*list_command) return cli::run_rules_list(rules);
    if (*explain_command) return cli::run_explain(explained, rules);
    return cli::run_audit_command(audit);
  } catch (const std::exception& error) {
    fmt::print(stderr, "nwaudit: internal error: {}\n", error.what());
    return exit_code::kInternal;
  }
}
