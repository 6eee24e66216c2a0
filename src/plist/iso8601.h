#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "nwaudit/plist/value.h"

namespace nwaudit::plist {

// Seconds between 1970-01-01 and 2001-01-01, the epoch of binary plist and NSDate values.
inline constexpr double kAppleEpochUnixSeconds = 978307200.0;

// Parses the UTC form XML plists use: "2024-03-01T12:00:00Z", also without the time or
// with fractional seconds.
std::optional<Date> parse_iso8601(std::string_view text);

// "2024-03-01T12:00:00Z" (whole seconds, rounded down).
std::string format_iso8601(Date date);

}  // namespace nwaudit::plist
