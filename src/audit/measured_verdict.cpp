#include <cctype>
#include <fmt/format.h>

#include "nwaudit/audit/audit.h"

namespace nwaudit {
namespace {

std::string how_observed(const Observation& observed) {
  if (observed.method == "probe") return "nwaudit's probe of " + observed.subject;
  if (observed.method == "pid") return "the descriptors of " + observed.subject;
  return "the lsof listing " + observed.subject;
}

std::string capitalized(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

std::string first_evidence(const Observation& observed) {
  return observed.evidence.empty() ? std::string() : " " + observed.evidence.front();
}

}  // namespace

void apply_measurement(AuditResult& result, Measurement measurement) {
  Verdict& verdict = result.verdict;
  const Observation& observed = measurement.observed;
  const std::string how = how_observed(observed);
  if (observed.path == NetworkPath::unknown) {
    verdict.summary.append(" ").append(capitalized(how)).append(
        " could not show which path connections take, so this rests on the facts alone.");
  } else if (observed.path == verdict.predicted) {
    verdict.observed = true;
    verdict.basis = VerdictBasis::measurement;
    verdict.confidence = Confidence::confirmed;
    verdict.summary += fmt::format(" Confirmed by {}:{}", how, first_evidence(observed));
  } else if (verdict.predicted == NetworkPath::unknown) {
    verdict.observed = true;
    verdict.basis = VerdictBasis::measurement;
    verdict.path = observed.path;
    verdict.confidence = Confidence::high;
    verdict.summary += fmt::format(" {} shows {}:{} that is the answer, though the facts alone could not give it.",
                                   capitalized(how), to_string(observed.path), first_evidence(observed));
  } else if (verdict.predicted == NetworkPath::mixed && observed.path != NetworkPath::mixed) {
    // Only some connections were predicted to use sockets; one path observed fits that.
    verdict.summary += fmt::format(" {} saw {} for the connections it made, which fits: other destinations may take "
                                   "the other path.", capitalized(how), to_string(observed.path));
  } else {
    verdict.observed = true;
    verdict.contradicted = true;
    verdict.basis = VerdictBasis::measurement;
    verdict.path = observed.path;
    verdict.confidence = Confidence::high;
    for (std::size_t cause : verdict.causes) result.findings[cause].confidence = lower(result.findings[cause].confidence);
    const bool unexplained = verdict.causes.empty() && observed.path != NetworkPath::user_space;
    verdict.summary = fmt::format(
        "Observed {}, but the facts predicted {}. {} shows it:{} nwaudit trusts the observation over the prediction{}",
        to_string(observed.path), to_string(verdict.predicted), capitalized(how), first_evidence(observed),
        unexplained ? ". None of its rules found a cause on this Mac: something it does not know about, or could not "
                      "read, makes connections use sockets."
                    : ", and holds the causes below less likely to be what decides the path.");
  }
  result.measurement = std::move(measurement);
}

}  // namespace nwaudit
