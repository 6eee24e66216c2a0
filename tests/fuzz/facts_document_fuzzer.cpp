// A facts document, loaded as `nwaudit audit --facts FILE` loads it and audited with the shipped rules.
#include "audit_and_report.h"
#include "fuzz_input.h"
#include "nwaudit/facts/facts.h"
#include "nwaudit/rules/knowledge.h"
#include "nwaudit/rules/rule_files.h"

namespace {

const nwaudit::Knowledge& shipped_knowledge() {
  static const nwaudit::Knowledge knowledge = nwaudit::load_knowledge({nwaudit::shipped_rules_directory()});
  return knowledge;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto facts = nwaudit::load_facts_document(nwaudit::fuzz::bytes_of(data, size), "/fuzz-facts.xml");
  if (!facts) return 0;
  nwaudit::fuzz::audit_and_report(*facts, shipped_knowledge().rules);
  return 0;
}
