// A rule's condition: the input is the <when> of one rule, loaded as a rule file's rule is and
// audited over the facts of the sample Mac fixtures/macs/sonoma. Beyond what the sanitizers
// catch, it stops on two broken promises of nwaudit-rules(5), COST OF A CONDITION: a condition
// pugixml compiles that nwaudit cannot bound, and a condition run within the budget that takes
// more than a second of CPU time (ten times what the budget is chosen for).
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

#include "audit_and_report.h"
#include "fuzz_input.h"
#include "nwaudit/rules/knowledge.h"
#include "rules/condition_syntax.h"
#include "sample_facts.h"

namespace {

// The condition as the text of an XML element.
std::string escaped(std::string_view condition) {
  std::string text;
  for (char c : condition) {
    if (c == '<') text += "&lt;";
    else if (c == '&') text += "&amp;";
    else text += c;
  }
  return text;
}

bool pugixml_compiles(const std::string& condition) {
  try {
    pugi::xpath_query query(condition.c_str());
    return true;
  } catch (const pugi::xpath_exception&) {
    return false;
  }
}

[[noreturn]] void broken_promise(const char* what, const std::string& condition) {
  std::fprintf(stderr, "rule_condition: %s: %s\n", what, condition.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string condition(nwaudit::fuzz::bytes_of(data, size));
  if (pugixml_compiles(condition) && !nwaudit::parse_condition(condition)) {
    broken_promise("pugixml compiles it, but nwaudit cannot bound it", condition);
  }
  const nwaudit::Knowledge knowledge = nwaudit::load_knowledge_text(
      "/fuzz/rules/condition.xml",
      "<rules><rule id=\"FUZZ\" cause=\"other\" effect=\"informational\" severity=\"info\" confidence=\"low\">"
      "<title>t</title><when>" + escaped(condition) + "</when><message>{@id}</message></rule></rules>");
  const std::clock_t start = std::clock();
  const nwaudit::AuditResult result = nwaudit::run_audit(nwaudit::fuzz::sample_facts(), knowledge.rules);
  const double seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  if (!knowledge.rules.empty() && result.rule_problems.empty() && seconds > 1) {
    broken_promise("run within the budget, it took more than a second", knowledge.rules.front().condition);
  }
  nwaudit::fuzz::report_every_format(result);
  return 0;
}
