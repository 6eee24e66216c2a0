#include "nwaudit/rules/evaluate.h"

#include <algorithm>
#include <variant>

#include <fmt/core.h>

#include "condition_cost.h"
#include "nwaudit/base/expected.h"
#include "nwaudit/base/limits.h"
#include "nwaudit/base/parallel_in_order.h"

namespace nwaudit {
namespace {

// {@name} replaced by the element's attribute (empty when it has none).
std::string fill(std::string_view text, pugi::xml_node element) {
  std::string filled;
  for (std::size_t at = 0; at < text.size();) {
    const auto start = text.find("{@", at);
    const auto end = start == std::string_view::npos ? start : text.find('}', start);
    if (end == std::string_view::npos) {
      filled.append(text.substr(at));
      break;
    }
    filled.append(text.substr(at, start - at));
    filled.append(element.attribute(std::string(text.substr(start + 2, end - start - 2)).c_str()).value());
    at = end + 1;
  }
  return filled;
}

std::optional<OsVersion> os_of(const pugi::xml_document& facts) {
  pugi::xml_node os = facts.child("facts").child("os");
  if (!os || !os.attribute("major")) return std::nullopt;
  return OsVersion{os.attribute("major").as_int(), os.attribute("minor").as_int(), os.attribute("patch").as_int(), 3};
}

bool admits(const Rule& rule, const std::optional<OsVersion>& os) {
  if (!os) return true;
  if (rule.os_min && *os < *rule.os_min) return false;
  return !rule.os_max || os->at_most(*rule.os_max);
}

std::string source_of(pugi::xml_node element) {
  for (pugi::xml_node node = element; node; node = node.parent()) {
    if (const char* source = node.attribute("source").value(); *source != '\0') return source;
  }
  return {};
}

Finding finding_for(const Rule& rule, pugi::xml_node element) {
  Finding finding;
  finding.rule = &rule;
  finding.confidence = rule.confidence;
  finding.subject = subject_of(element);
  finding.message = fill(rule.message, element);
  for (const Fix& fix : rule.fixes) {
    if (!fix.if_attribute.empty() && !element.attribute(fix.if_attribute.c_str())) continue;
    if (!fix.unless_attribute.empty() && element.attribute(fix.unless_attribute.c_str())) continue;
    Fix filled = fix;
    filled.title = fill(fix.title, element);
    filled.description = fill(fix.description, element);
    filled.command = fill(fix.command, element);
    finding.fixes.push_back(std::move(filled));
  }
  for (pugi::xml_attribute attribute : element.attributes()) {
    if (std::string_view(attribute.name()) != "source") finding.evidence.emplace_back(attribute.name(), attribute.value());
  }
  finding.evidence_element = element.name();
  finding.source = source_of(element);
  return finding;
}

// Fails, saying why, when the rule must not run on facts of this shape.
Expected<void> within_budget(const Rule& rule, const DocumentShape& facts) {
  const double budget = static_cast<double>(limits::kMaxConditionSteps);
  std::string why;
  // A rule made otherwise than by the loader may come without its tree.
  const std::optional<Expression> parsed = rule.syntax ? std::nullopt : parse_condition(rule.condition);
  const Expression* condition = rule.syntax ? rule.syntax.get() : parsed ? &*parsed : nullptr;
  if (condition == nullptr) {
    why = "nwaudit cannot bound what its condition costs";
  } else if (const double bound = cost_bound(*condition, facts); !(bound <= budget)) {
    why = fmt::format("its condition could cost {} on these facts ({:.0f} nodes), over the budget of {}",
                      steps_text(bound), facts.nodes, steps_text(budget));
  } else {
    return {};
  }
  return Error{ErrorKind::too_large, rule.file, {},
               "rule " + rule.id + " was skipped: " + why + " (see COST OF A CONDITION in nwaudit-rules(5))", rule.line};
}

}  // namespace

std::string subject_of(pugi::xml_node element) {
  for (const char* name : {"id", "name", "path", "interface", "text"}) {
    if (const char* value = element.attribute(name).value(); *value != '\0') return value;
  }
  return element.name();
}

Evaluation evaluate_rules(const std::vector<Rule>& rules, const pugi::xml_document& facts, unsigned threads) {
  Evaluation evaluation;
  std::vector<Finding>& findings = evaluation.findings;
  const std::optional<OsVersion> os = os_of(facts);
  const DocumentShape shape = DocumentShape::of(facts);
  // A rule's conditions run on any of the threads (they only read the document); what they
  // select becomes findings here, in the order of the rules.
  using Outcome = std::variant<std::monostate, Error, pugi::xpath_node_set>;  // not run, skipped, selected
  for_each_in_order<Outcome>(
      rules.size(), threads,
      [&](std::size_t index) -> Outcome {
        const Rule& rule = rules[index];
        if (!rule.compiled || !admits(rule, os)) return std::monostate();
        if (auto within = within_budget(rule, shape); !within) return std::move(within).error();
        return rule.compiled->evaluate_node_set(facts);
      },
      [&](std::size_t index, Outcome& outcome) {
        if (auto* skipped = std::get_if<Error>(&outcome)) evaluation.skipped.push_back(std::move(*skipped));
        const auto* selected = std::get_if<pugi::xpath_node_set>(&outcome);
        if (selected == nullptr) return;
        for (const pugi::xpath_node& node : *selected) {
          pugi::xml_node element = node.node() ? node.node() : node.parent();
          if (element.type() != pugi::node_element) continue;
          findings.push_back(finding_for(rules[index], element));
        }
      });
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.rule->effect != b.rule->effect) return a.rule->effect < b.rule->effect;
    if (a.rule->severity != b.rule->severity) return a.rule->severity > b.rule->severity;
    if (a.rule->id != b.rule->id) return a.rule->id < b.rule->id;
    return a.subject < b.subject;
  });
  return evaluation;
}

}  // namespace nwaudit
