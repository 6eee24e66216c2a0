#include <algorithm>

#include <fmt/core.h>

#include "differences.h"

namespace nwaudit::diff {
namespace {

std::string_view basis_phrase(VerdictBasis basis) {
  switch (basis) {
    case VerdictBasis::configuration: return "a prediction from its files and settings";
    case VerdictBasis::kernel: return "the kernel's captured state";
    case VerdictBasis::measurement: return "a measurement of real connections";
  }
  return "a prediction from its files and settings";
}

const CoverageEntry* entry_for(const AuditResult& result, std::string_view path) {
  for (const CoverageEntry& entry : result.coverage) {
    if (entry.path == path) return &entry;
  }
  return nullptr;
}

bool has_entry(const AuditResult& result, const CoverageEntry& like, std::string_view status) {
  return std::any_of(result.coverage.begin(), result.coverage.end(), [&](const CoverageEntry& entry) {
    return entry.collector == like.collector && entry.path == like.path && entry.status == status;
  });
}

// Read on the other side, and not also left unread there the same way (a source can have two
// entries: one collector read it, another could not).
bool was_read(const AuditResult& result, const CoverageEntry& like) {
  return has_entry(result, like, "read") && !has_entry(result, like, like.status);
}

// "/x (missing: No such file or directory)"
std::string unread(std::string_view path, const CoverageEntry* entry) {
  std::string text(path);
  if (entry == nullptr) return text;
  text += " (" + entry->status;
  if (!entry->reason.empty()) text += ": " + entry->reason;
  return text + ")";
}

void add_side(const AuditResult& here, const AuditResult& there, Side side, std::vector<ConfidenceDifference>& out,
              bool blind_spots) {
  const char* here_name = side_name(side);
  const char* there_name = side_name(other_side(side));
  const std::vector<std::string>& spots = here.verdict.blind_spots;
  if (blind_spots) {
    for (const std::string& spot : spots) {
      const auto& others = there.verdict.blind_spots;
      if (std::find(others.begin(), others.end(), spot) != others.end()) continue;
      const CoverageEntry* entry = entry_for(here, spot);
      std::string sentence = fmt::format("{} could not read {}, which could change its verdict", here_name, unread(spot, entry));
      if (entry != nullptr && was_read(there, *entry)) sentence += fmt::format("; {} read it", there_name);
      out.push_back({side, sentence + "."});
    }
    return;
  }
  for (const CoverageEntry& entry : here.coverage) {
    if (entry.status == "read" || std::find(spots.begin(), spots.end(), entry.path) != spots.end()) continue;
    if (!was_read(there, entry)) continue;
    out.push_back({side, fmt::format("{} could not read {}; {} read it.", here_name, unread(entry.path, &entry), there_name)});
  }
}

}  // namespace

std::vector<ConfidenceDifference> confidence_differences(const AuditedMac& a, const AuditedMac& b) {
  std::vector<ConfidenceDifference> out;
  const Verdict& va = a.result.verdict;
  const Verdict& vb = b.result.verdict;
  if (va.basis != vb.basis) {
    const bool a_weaker = va.basis < vb.basis;
    const Side weaker = a_weaker ? Side::a : Side::b;
    out.push_back({weaker, fmt::format("{}'s verdict is {}; {}'s is {}.", side_name(weaker),
                                       basis_phrase(a_weaker ? va.basis : vb.basis), side_name(other_side(weaker)),
                                       basis_phrase(a_weaker ? vb.basis : va.basis))});
  }
  add_side(a.result, b.result, Side::a, out, true);
  add_side(b.result, a.result, Side::b, out, true);
  add_side(a.result, b.result, Side::a, out, false);
  add_side(b.result, a.result, Side::b, out, false);
  const std::string& rules_a = a.result.rules_version;
  const std::string& rules_b = b.result.rules_version;
  if (!rules_a.empty() && !rules_b.empty() && rules_a != rules_b) {
    out.push_back({Side::both, fmt::format("A and B were judged by different rules ({} and {}): part of what differs "
                                           "may come from the rules, not the Macs.", rules_a, rules_b)});
  }
  return out;
}

}  // namespace nwaudit::diff
