#include "report_model.h"

#include <algorithm>

#include "report_text.h"

namespace nwaudit::report {

const Rule& rule_of(const Finding& finding) {
  static const Rule blank = [] {
    Rule rule;
    rule.id = "unknown";
    rule.title = "Finding without a rule";
    return rule;
  }();
  return finding.rule != nullptr ? *finding.rule : blank;
}

std::vector<const Finding*> findings_with(const AuditResult& result, Effect effect) {
  std::vector<const Finding*> selected;
  for (const Finding& finding : result.findings) {
    if (rule_of(finding).effect == effect && finding.contradicted_by.empty()) selected.push_back(&finding);
  }
  return selected;
}

std::vector<FindingGroup> finding_groups(const AuditResult& result) {
  std::vector<FindingGroup> groups;
  for (const Effect effect : kEffectsInOrder) {
    if (effect == Effect::latent) {
      FindingGroup contradicted{std::string(kContradictedHeading), {}};
      for (const Finding& finding : result.findings) {
        if (!finding.contradicted_by.empty()) contradicted.findings.push_back(&finding);
      }
      groups.push_back(std::move(contradicted));
    }
    groups.push_back({std::string(effect_heading(effect)), findings_with(result, effect)});
  }
  std::erase_if(groups, [](const FindingGroup& group) { return group.findings.empty(); });
  return groups;
}

std::vector<const Finding*> findings_in_report_order(const AuditResult& result) {
  std::vector<const Finding*> ordered;
  for (const FindingGroup& group : finding_groups(result)) {
    ordered.insert(ordered.end(), group.findings.begin(), group.findings.end());
  }
  return ordered;
}

std::vector<const Finding*> cause_findings(const AuditResult& result) {
  std::vector<const Finding*> causes;
  for (const std::size_t index : result.verdict.causes) {
    if (index < result.findings.size()) causes.push_back(&result.findings[index]);
  }
  return causes;
}

std::vector<const CoverageEntry*> coverage_problems(const AuditResult& result) {
  std::vector<const CoverageEntry*> problems;
  for (const CoverageEntry& entry : result.coverage) {
    if (entry.status != "read") problems.push_back(&entry);
  }
  return problems;
}

std::vector<FixGroup> fixes_by_audience(const std::vector<Fix>& fixes) {
  std::vector<FixGroup> groups{{"mac", {}}, {"app", {}}};
  for (const Fix& fix : fixes) {
    auto group =
        std::find_if(groups.begin(), groups.end(), [&](const FixGroup& g) { return g.audience == fix.audience; });
    if (group == groups.end()) group = groups.insert(groups.end(), FixGroup{fix.audience, {}});
    group->fixes.push_back(&fix);
  }
  std::erase_if(groups, [](const FixGroup& group) { return group.fixes.empty(); });
  return groups;
}

bool is_web_url(std::string_view url) { return url.starts_with("https://") || url.starts_with("http://"); }

bool ShownOnce::first_time(const Fix& fix) {
  const std::string key = "fix\n" + fix.audience + "\n" + fix.title + "\n" + fix.description + "\n" + fix.command +
                          "\n" + fix.side_effects + "\n" + (fix.needs_admin ? "A" : "") +
                          (fix.needs_reboot ? "R" : "") + (fix.needs_mdm ? "M" : "");
  return seen_.insert(key).second;
}

bool ShownOnce::first_time(const Reference& reference) {
  return seen_.insert("reference\n" + reference.title + "\n" + reference.url).second;
}

}  // namespace nwaudit::report
