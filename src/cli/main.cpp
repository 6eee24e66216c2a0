#include <CLI/CLI.hpp>
#include <exception>
#include <fmt/core.h>

#include "cli/commands.h"
#include "nwaudit/exit_codes.h"
#include "nwaudit/version.h"

int main(int argc, char** argv) {
  using namespace nwaudit;
  CLI::App app{"nwaudit: will Network.framework use user-space networking or one socket per connection on this Mac?"};
  app.name("nwaudit");
  app.set_version_flag("--version", std::string("nwaudit ") + kVersion);
  app.require_subcommand(1);

  cli::FactsOptions facts;
  CLI::App* facts_command = app.add_subcommand("facts", "Print the facts document nwaudit collects from a Mac");
  facts_command->add_option("--root", facts.root, "Audit the Mac tree under DIR instead of the live system")
      ->type_name("DIR");
  facts_command->add_option("--rules", facts.rule_directories, "Also load rule and vendor files from DIR (repeatable)")
      ->type_name("DIR");
  facts_command->add_option("-o,--output", facts.output, "Write to FILE instead of standard output")
      ->type_name("FILE");

  cli::PlistOptions plist;
  CLI::App* plist_command = app.add_subcommand("plist", "Print a property list (XML, binary or keyed archive) as XML");
  plist_command->add_option("--root", plist.root, "Resolve PATH inside DIR (default /)")->type_name("DIR");
  plist_command->add_option("path", plist.path, "The property list's path on the Mac")->required();
  plist_command->add_flag("--unarchive", plist.unarchive, "Decode an NSKeyedArchiver graph into plain values");

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& success) {
    return app.exit(success);
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return exit_code::kUsage;
  }

  try {
    if (*facts_command) return cli::run_facts(facts);
    return cli::run_plist(plist);
  } catch (const std::exception& error) {
    fmt::print(stderr, "nwaudit: internal error: {}\n", error.what());
    return exit_code::kInternal;
  }
}
