#include "nwaudit/compare/comparison.h"

#include <algorithm>

#include <fmt/core.h>

#include "differences.h"
#include "element_on_side.h"

namespace nwaudit {
namespace {

using diff::same_cause;

bool same_causes(const AuditResult& a, const AuditResult& b) {
  if (a.verdict.causes.size() != b.verdict.causes.size()) return false;
  for (const std::size_t index : a.verdict.causes) {
    const bool shared = std::any_of(b.verdict.causes.begin(), b.verdict.causes.end(), [&](std::size_t other) {
      return index < a.findings.size() && other < b.findings.size() && same_cause(a.findings[index], b.findings[other]);
    });
    if (!shared) return false;
  }
  return true;
}

// The hosts as the reports give them, for a side whose facts are not known.
std::vector<FactDifference> host_differences(const AuditResult::Host& a, const AuditResult::Host& b) {
  std::vector<AttributeChange> changes;
  const std::pair<const char*, const std::string AuditResult::Host::*> fields[] = {
      {"product", &AuditResult::Host::product}, {"version", &AuditResult::Host::version},
      {"build", &AuditResult::Host::build}, {"architecture", &AuditResult::Host::architecture}};
  for (const auto& [name, field] : fields) {
    if (a.*field != b.*field) changes.push_back({name, a.*field, b.*field});
  }
  if (changes.empty()) return {};
  return {{"host", "host", Side::both, std::move(changes)}};
}

std::vector<std::string> limits_of(const AuditedMac& mac, Side side) {
  std::vector<std::string> notes;
  if (!mac.facts) {
    notes.push_back(fmt::format("{} is a saved report: its facts are not known, so only its verdict, findings, "
                                "coverage and host are compared.", side_name(side)));
  }
  if (mac.brief) {
    notes.push_back(fmt::format("{} is a brief report: it keeps only the verdict's causes, so its other findings "
                                "are not compared.", side_name(side)));
  }
  return notes;
}

}  // namespace

const char* side_name(Side side) {
  switch (side) {
    case Side::a: return "A";
    case Side::b: return "B";
    case Side::both: return "both";
  }
  return "both";
}

Side other_side(Side side) {
  if (side == Side::a) return Side::b;
  if (side == Side::b) return Side::a;
  return Side::both;
}

Comparison compare(const AuditedMac& a, const AuditedMac& b) {
  Comparison comparison;
  comparison.a = &a;
  comparison.b = &b;
  const Verdict& va = a.result.verdict;
  const Verdict& vb = b.result.verdict;
  comparison.same_verdict = va.path == vb.path && va.confidence == vb.confidence;
  comparison.same_causes = same_causes(a.result, b.result);
  comparison.causes = diff::cause_differences(a, b);
  comparison.confidence = diff::confidence_differences(a, b);
  if (!a.brief && !b.brief) comparison.facts = diff::finding_differences(a, b);
  if (a.facts && b.facts) {
    std::vector<FactDifference> facts = diff::fact_differences(*a.facts, *b.facts);
    comparison.facts.insert(comparison.facts.end(), facts.begin(), facts.end());
  } else {
    std::vector<FactDifference> hosts = host_differences(a.result.host, b.result.host);
    comparison.facts.insert(comparison.facts.end(), hosts.begin(), hosts.end());
  }
  for (const auto& [mac, side] : {std::pair{&a, Side::a}, std::pair{&b, Side::b}}) {
    std::vector<std::string> notes = limits_of(*mac, side);
    comparison.not_compared.insert(comparison.not_compared.end(), notes.begin(), notes.end());
  }
  return comparison;
}

std::string statement(const CauseDifference& difference) {
  std::string elsewhere = difference.elsewhere;
  while (!elsewhere.empty() && elsewhere.back() == '.') elsewhere.pop_back();
  return diff::upper_first(difference.what) + " only on " + side_name(difference.side) + ": " + elsewhere + ".";
}

}  // namespace nwaudit
