#include <algorithm>

#include "cause_words.h"
#include "differences.h"

namespace nwaudit::diff {
namespace {

std::vector<const Finding*> causes_of(const AuditResult& result) {
  std::vector<const Finding*> causes;
  for (const std::size_t index : result.verdict.causes) {
    if (index < result.findings.size() && result.findings[index].rule != nullptr) causes.push_back(&result.findings[index]);
  }
  return causes;
}

// The kernel's counts confirm a cause; the Mac's own settings and software are what a user
// changes, so they come first.
bool can_be_acted_on(const CauseDifference& difference, const std::vector<const Finding*>& causes) {
  for (const Finding* cause : causes) {
    if (cause->rule->id == difference.rules.front()) return cause->evidence_element != "kernel" &&
                                                           cause->evidence_element != "api-stats";
  }
  return true;
}

void add_side(const AuditedMac& here, const AuditedMac& there, Side side, std::vector<CauseDifference>& differences) {
  const std::vector<const Finding*> here_causes = causes_of(here.result);
  const std::vector<const Finding*> there_causes = causes_of(there.result);
  std::vector<CauseDifference> found;
  for (const Finding* cause : here_causes) {
    const bool shared = std::any_of(there_causes.begin(), there_causes.end(),
                                    [&](const Finding* other) { return same_cause(*cause, *other); });
    if (shared) continue;
    CauseDifference difference = describe_cause(*cause, side, here, there);
    const auto same_words = std::find_if(found.begin(), found.end(), [&](const CauseDifference& earlier) {
      return earlier.what == difference.what && earlier.elsewhere == difference.elsewhere;
    });
    if (same_words != found.end()) {
      same_words->rules.push_back(cause->rule->id);
    } else {
      found.push_back(std::move(difference));
    }
  }
  std::stable_partition(found.begin(), found.end(),
                        [&](const CauseDifference& difference) { return can_be_acted_on(difference, here_causes); });
  differences.insert(differences.end(), found.begin(), found.end());
}

}  // namespace

bool same_cause(const Finding& x, const Finding& y) {
  return x.rule != nullptr && y.rule != nullptr && x.rule->id == y.rule->id && x.subject == y.subject;
}

std::vector<CauseDifference> cause_differences(const AuditedMac& a, const AuditedMac& b) {
  std::vector<CauseDifference> differences;
  add_side(a, b, Side::a, differences);
  add_side(b, a, Side::b, differences);
  return differences;
}

}  // namespace nwaudit::diff
