#pragma once

#include <cstddef>
#include <string>

#include "nwaudit/base/expected.h"
#include "nwaudit/fleet/fleet_summary.h"

namespace nwaudit::fleet {

// Largest report read: one line of ndjson, or one file or archive member holding one report.
inline constexpr std::size_t kMaxReportBytes = 16u << 20;

// Adds every report `path` holds to `tally`, one at a time. A folder is walked (not through
// links to folders) for files ending .json, .ndjson, .jsonl, .tar, .tar.gz, .tgz or .zip; a
// file named on its own is read whatever its name. An archive's members ending .json, .ndjson
// or .jsonl are read, except manifest.json. A file or member whose first line is "{" alone
// holds one report (as `audit --format json` writes it); any other holds one report per line.
// Whatever cannot be read below `path` (a file, a line, a member) is skipped in the tally,
// with why; the Error is only for `path` itself.
Expected<void> add_reports(const std::string& path, FleetTally& tally);

}  // namespace nwaudit::fleet
