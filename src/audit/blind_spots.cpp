#include "blind_spots.h"

#include <string_view>

namespace nwaudit {
namespace {

// Captures that only add detail to what others show, and that snapshots made before nwaudit
// knew them lack: without them the answer stands.
bool is_supplementary(std::string_view path) {
  return path == "/.nwaudit/net.api_stats" || path == "/.nwaudit/loaded-kexts.plist" ||
         path == "/.nwaudit/sw_vers.txt" || path == "/.nwaudit/log-network.txt" ||
         path == "/.nwaudit/launchctl-limit.txt" || path == "/.nwaudit/profiles.xml" ||
         path == "/.nwaudit/skywalkctl-flow.txt";
}

// Collectors of settings that change no path (iCloud Private Relay only decides what a probe
// can show): what they could not read hides no cause.
bool reads_no_cause(std::string_view collector) { return collector == "private-relay"; }

}  // namespace

BlindSpots blind_spots_in(const std::vector<CoverageEntry>& coverage) {
  BlindSpots blind;
  blind.sought = coverage.size();
  for (const CoverageEntry& entry : coverage) {
    if (entry.status == "read") ++blind.read;
    const bool missing_capture =
        entry.status == "missing" && entry.path.starts_with("/.nwaudit/") && !is_supplementary(entry.path);
    if (entry.status != "unreadable" && entry.status != "broken" && !missing_capture) continue;
    if (reads_no_cause(entry.collector)) continue;
    blind.described.push_back(entry.path + " (" + entry.status + (entry.reason.empty() ? "" : ": " + entry.reason) +
                              ")");
    blind.collectors.insert(entry.collector);
  }
  return blind;
}

}  // namespace nwaudit
