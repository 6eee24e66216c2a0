#pragma once

#include <string>
#include <vector>

#include "nwaudit/audit/result.h"
#include "nwaudit/probe/observation.h"

// Wording about a measurement that the text and Markdown reports share. Plain strings:
// callers escape them for their format.
namespace nwaudit::report {

// "Observed: one socket per connection"
std::string observed_headline(const Observation& observed);

// "nwaudit's probe, connecting to example.com:443", "the descriptors of process 4242",
// "the lsof listing lsof.txt"
std::string measurement_method(const Observation& observed);

// "5 of 8 ready, 2 failed, 1 timed out"
std::string connections_phrase(const ConnectionOutcome& outcome);

// "soft 256, hard unlimited; 35 open, 221 to spare"; the headroom only when the census is known.
std::string limits_phrase(const DescriptorLimits& limits, const std::optional<DescriptorCensus>& census);

// The limits line when the measured process's own limits are unknown: launchd's default when
// the Mac's facts tell it, else that it was not read; nullopt when there is nothing to say (an
// lsof listing audited without facts) or the process's limits are known.
std::optional<std::string> unknown_limits_phrase(const Measurement& measurement);

// Plain warnings about the descriptor limit: the census is within 20% of the soft limit, or the
// soft limit is at most 256 (what apps started from the Finder get) while connections take
// sockets (an observed path of sockets or mixed); or, with the process's limits unknown, that
// launchd's default is at most 256 while connections take sockets. Empty when none holds or too
// little is known.
std::vector<std::string> limit_warnings(const Measurement& measurement);

// Whether a measurement decided a path other than the facts predicted.
bool measurement_contradicts(const Verdict& verdict);

// "Predicted: user-space networking. Observed: one socket per connection."
std::string measurement_contradiction_sentence(const Verdict& verdict);

// What the kernel's state contradicts, then what the measurement does; empty when neither.
std::string contradiction_sentence(const Verdict& verdict);

}  // namespace nwaudit::report
