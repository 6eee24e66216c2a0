#include "cli_support.h"
#include "exit_codes.h"
#include "nwaudit/facts/collectors.h"
#include "nwaudit/version.h"

namespace nwaudit::cli {

int run_facts_command(const FactsOptions& options) {
  int status = exit_code::kOk;
  std::unique_ptr<Source> source = open_source(options.input.root, status);
  if (!source) return status;
  const Knowledge knowledge = load_knowledge_for(options.input);
  Facts facts(kVersion, source->description());
  collect_facts(*source, knowledge.vendors, facts);
  const int written = emit(facts.to_xml(), options.output);
  if (written != exit_code::kOk) return written;
  return knowledge.problems.empty() ? exit_code::kOk : exit_code::kRuleError;
}

}  // namespace nwaudit::cli
