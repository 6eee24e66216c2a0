#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "nwaudit/audit/result.h"

// What the text and Markdown briefs say beyond the full report's wording (report_text.h).
namespace nwaudit::report {

// A brief names at most this many causes and fits in about this many lines of text.
inline constexpr std::size_t kBriefCauses = 5;
inline constexpr std::size_t kBriefLines = 25;

// "The kernel reports the Application Firewall (confirmed)"
std::string brief_cause_title(const Finding& finding);

// "Keep the firewall on (needs admin)"
std::string brief_fix_title(const Fix& fix);

// A command a brief can show: one line. Empty for a longer one, which only the full report shows.
std::string_view brief_command(const Fix& fix);

// "the kernel's captured state", "a measurement", "the Mac's settings (a prediction)"
std::string_view basis_phrase(VerdictBasis basis);

// "19 of 28 sources nwaudit looked for."
std::string brief_read_sentence(const Verdict& verdict);

// Whether connections use sockets on this path, so that the app's fix applies.
bool falls_back(NetworkPath path);

// "2 more causes: the full report (nwaudit audit without --brief) has them."
std::string more_causes_sentence(std::size_t count);

// "4 more sources were not read: the full report lists them." / "none of them could change the verdict"
std::string more_unread_sentence(std::size_t count, bool could_change_verdict);

}  // namespace nwaudit::report
