#pragma once

#include <string>
#include <string_view>

#include "nwaudit/audit/result.h"

// Wording shared by the text and Markdown reports (and SARIF's help texts), so that every
// format says the same thing the same way. Plain strings: callers escape them for their format.
namespace nwaudit::report {

// "one socket per connection", "user-space networking", ...
std::string_view path_phrase(NetworkPath path);

// "Verdict: one socket per connection (high confidence)"
std::string verdict_headline(const Verdict& verdict);

// "Could not read /Library/Preferences/com.apple.alf.plist, which could change this."
std::string blind_spot_sentence(std::string_view source);

// The verdict names this many blind spots; the rest are counted (all are among the coverage problems).
inline constexpr std::size_t kBlindSpotsNamed = 3;

// "Could not read 5 more sources that could change this, listed below."
std::string more_blind_spots_sentence(std::size_t count);

// "19 of 23 sources nwaudit looked for (the others are missing or could not be read)."
std::string read_sentence(const Verdict& verdict);

// The heading of the findings that stronger evidence contradicts.
inline constexpr std::string_view kContradictedHeading =
    "Findings the kernel's state contradicts: not causes, but worth a look";

// "Findings that send all connections through sockets", ...
std::string_view effect_heading(Effect effect);

// "all connections", "some connections", "informational"
std::string_view effect_phrase(Effect effect);

// "Fixes on the Mac", "Fixes in the app", "Fixes for <audience>"
std::string fixes_heading(std::string_view audience);

// "needs admin, reboot, MDM"; empty when the fix needs none of them.
std::string needs_label(const Fix& fix);

// "macOS 14.4.1 (23E224), arm64"; "an unknown Mac" when nothing is known.
std::string host_phrase(const AuditResult::Host& host);

// "nwaudit 0.1.0 · the tree at fixtures/macs/sonoma"
std::string footer_line(std::string_view tool_version, std::string_view what);
std::string footer_line(const AuditResult& result);  // what: the result's source, then what was redacted
// "redacted: user (1), ipv4 (3)"; empty when nothing was.
std::string redaction_phrase(const AuditResult& result);

// "No findings."
inline constexpr std::string_view kNoFindings = "No findings.";

// "/x (firewall): why", leaving out what is empty.
std::string coverage_problem_detail(const CoverageEntry& entry);

// "missing: /x (firewall): why"
std::string coverage_problem_line(const CoverageEntry& entry);

}  // namespace nwaudit::report
