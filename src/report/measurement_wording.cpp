#include "measurement_wording.h"

#include <fmt/format.h>

#include "report_text.h"

namespace nwaudit::report {
namespace {

constexpr std::uint64_t kFinderSoftLimit = 256;

std::string limit_phrase(const std::optional<std::uint64_t>& limit) {
  return limit ? std::to_string(*limit) : std::string("unlimited");
}

bool takes_sockets(NetworkPath path) { return path == NetworkPath::sockets || path == NetworkPath::mixed; }

}  // namespace

std::string observed_headline(const Observation& observed) {
  return "Observed: " + std::string(path_phrase(observed.path));
}

std::string measurement_method(const Observation& observed) {
  if (observed.method == "probe") return "nwaudit's probe, connecting to " + observed.subject;
  if (observed.method == "pid") return "the descriptors of " + observed.subject;
  if (observed.method == "lsof") return "the lsof listing " + observed.subject;
  return observed.subject.empty() ? observed.method : observed.subject;
}

std::string connections_phrase(const ConnectionOutcome& outcome) {
  std::string phrase = fmt::format("{} of {} ready", outcome.ready, outcome.requested);
  if (outcome.failed != 0) phrase += fmt::format(", {} failed", outcome.failed);
  if (outcome.timed_out != 0) phrase += fmt::format(", {} timed out", outcome.timed_out);
  return phrase;
}

std::string limits_phrase(const DescriptorLimits& limits, const std::optional<DescriptorCensus>& census) {
  std::string phrase = "soft " + limit_phrase(limits.soft) + ", hard " + limit_phrase(limits.hard);
  if (!census) return phrase;
  phrase += fmt::format("; {} open", census->total);
  if (limits.soft) phrase += fmt::format(", {} to spare", *limits.soft > census->total ? *limits.soft - census->total : 0);
  return phrase;
}

std::optional<std::string> unknown_limits_phrase(const Measurement& measurement) {
  if (measurement.limits) return std::nullopt;
  if (measurement.launchd_limits) {
    const DescriptorLimits& launchd = *measurement.launchd_limits;
    const std::string why = measurement.observed.method == "lsof" ? "an lsof listing does not show it"
                                                                   : "macOS tells a process only its own";
    return "unknown for this process (" + why + "); launchd starts apps with soft " + limit_phrase(launchd.soft) +
           ", hard " + limit_phrase(launchd.hard) +
           ", which an app opened from the Finder or the Dock keeps unless it raises its own";
  }
  if (measurement.observed.method != "pid") return std::nullopt;
  return std::string("unknown for this process, and launchd's default was not read (`launchctl limit maxfiles` "
                     "shows what apps start with)");
}

std::vector<std::string> limit_warnings(const Measurement& measurement) {
  std::vector<std::string> warnings;
  if (!measurement.limits && measurement.launchd_limits && measurement.launchd_limits->soft &&
      *measurement.launchd_limits->soft <= kFinderSoftLimit && takes_sockets(measurement.observed.path)) {
    warnings.push_back(fmt::format("Connections here take a socket each, one descriptor per connection, and an "
                                   "app that keeps launchd's default soft limit of {} can run out. Raise the soft "
                                   "limit with setrlimit(RLIMIT_NOFILE) early in the app.",
                                   *measurement.launchd_limits->soft));
  }
  if (!measurement.limits || !measurement.limits->soft) return warnings;
  const std::uint64_t soft = *measurement.limits->soft;
  if (measurement.census && measurement.census->total >= soft - soft / 5) {
    warnings.push_back(fmt::format("{} descriptors are open, within 20% of the soft limit of {}: opening more "
                                   "connections or files may soon fail with \"Too many open files\".",
                                   measurement.census->total, soft));
  }
  if (soft <= kFinderSoftLimit && takes_sockets(measurement.observed.path)) {
    warnings.push_back(fmt::format("The soft limit is {} (apps started from the Finder get {}) and connections here "
                                   "take a socket each, one descriptor per connection: an app that opens many can "
                                   "run out. Raise the soft limit with setrlimit(RLIMIT_NOFILE) early in the app.",
                                   soft, kFinderSoftLimit));
  }
  return warnings;
}

bool measurement_contradicts(const Verdict& verdict) { return verdict.observed && verdict.path != verdict.predicted; }

std::string measurement_contradiction_sentence(const Verdict& verdict) {
  return "Predicted: " + std::string(path_phrase(verdict.predicted)) + ". Observed: " +
         std::string(path_phrase(verdict.path)) + ".";
}

std::string contradiction_sentence(const Verdict& verdict) {
  std::string sentence = verdict.contradiction;
  if (measurement_contradicts(verdict)) {
    if (!sentence.empty()) sentence += " ";
    sentence += measurement_contradiction_sentence(verdict);
  }
  return sentence;
}

}  // namespace nwaudit::report
