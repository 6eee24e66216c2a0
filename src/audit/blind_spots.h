#pragma once

#include <set>
#include <string>
#include <vector>

#include "nwaudit/audit/result.h"

namespace nwaudit {

// The sources nwaudit looked for and could not read that could hide a cause: a source that
// exists but could not be read, and a command output the snapshot lacks. A missing preference
// file is not one: macOS writes most of them only once something is configured.
struct BlindSpots {
  std::vector<std::string> described;  // "PATH (STATUS: REASON)"
  std::set<std::string> collectors;    // whose sources they are: each is one blind spot for confidence
  std::size_t read = 0;                // coverage entries read, of
  std::size_t sought = 0;              // all coverage entries
};

BlindSpots blind_spots_in(const std::vector<CoverageEntry>& coverage);

}  // namespace nwaudit
