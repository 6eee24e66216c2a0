#include "nwaudit/audit/audit.h"

#include "nwaudit/rules/evaluate.h"

namespace nwaudit {

AuditResult run_audit(const pugi::xml_document& facts, const std::vector<Rule>& rules, unsigned threads) {
  AuditResult result;
  pugi::xml_node root = facts.child("facts");
  pugi::xml_node os = root.child("os");
  result.source = root.attribute("source").value();
  result.host = {os.attribute("product").value(), os.attribute("version").value(), os.attribute("build").value(),
                 os.attribute("architecture").value()};
  for (pugi::xml_node entry : root.child("coverage").children("source")) {
    result.coverage.push_back({entry.attribute("collector").value(), entry.attribute("path").value(),
                               entry.attribute("status").value(), entry.attribute("reason").value()});
  }
  Evaluation evaluation = evaluate_rules(rules, facts, threads);
  result.findings = std::move(evaluation.findings);
  result.rule_problems = std::move(evaluation.skipped);
  result.verdict = decide_verdict(result.findings, facts, result.coverage);
  return result;
}

}  // namespace nwaudit
