#include <CLI/CLI.hpp>
#include <exception>
#include <fmt/core.h>
#include <string>
#include <string_view>

#include "options.h"
#include "exit_codes.h"
#include "nwaudit/build_commit.h"
#include "nwaudit/rules/rule_files.h"
#include "nwaudit/version.h"

namespace {

using namespace nwaudit;

void add_input_options(CLI::App& command, cli::InputOptions& input, bool with_facts_file) {
  command.add_option("--root", input.root, "Audit the Mac tree under DIR instead of the live system")->type_name("DIR");
  if (with_facts_file) {
    command.add_option("--facts", input.facts_file, "Audit a facts document saved by `nwaudit facts`")
        ->type_name("FILE");
  }
  command.add_option("--rules", input.rule_directories, "Also load rule and vendor files from DIR (repeatable)")
      ->type_name("DIR");
  command.add_option("--disable", input.disabled_rules, "Do not run the rule ID (repeatable)")->type_name("ID");
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
  static constexpr std::string_view kCommands[] = {"audit", "probe", "facts", "plist", "rules", "explain"};
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

  cli::FactsOptions facts;
  CLI::App* facts_command = app.add_subcommand("facts", "Print the facts document nwaudit collects from a Mac");
  add_input_options(*facts_command, facts.input, false);
  facts_command->add_option("-o,--output", facts.output, "Write to FILE instead of standard output")->type_name("FILE");
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
