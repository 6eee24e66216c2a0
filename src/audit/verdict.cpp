#include <algorithm>
#include <string>

#include "nwaudit/audit/audit.h"
#include "nwaudit/rules/rule.h"

namespace nwaudit {
namespace {

// Coverage problems that could change the answer: a source that exists but could not be
// read (unreadable, broken), and a command output the snapshot lacks. A missing preference
// file is not one: macOS writes most of them only once something is configured.
// Captures that only add detail to what others show, and that snapshots made before nwaudit
// knew them lack: without them the answer stands.
bool is_supplementary(std::string_view path) {
  return path == "/.nwaudit/net.api_stats" || path == "/.nwaudit/loaded-kexts.plist";
}

std::vector<std::string> blind_spots_in(const std::vector<CoverageEntry>& coverage) {
  std::vector<std::string> blind;
  for (const CoverageEntry& entry : coverage) {
    const bool missing_capture =
        entry.status == "missing" && entry.path.rfind("/.nwaudit/", 0) == 0 && !is_supplementary(entry.path);
    if (entry.status != "unreadable" && entry.status != "broken" && !missing_capture) continue;
    blind.push_back(entry.path + " (" + entry.status + (entry.reason.empty() ? "" : ": " + entry.reason) + ")");
  }
  return blind;
}

// Findings of one effect, most confident and most severe first.
std::vector<std::size_t> indexes_of(const std::vector<Finding>& findings, Effect effect) {
  std::vector<std::size_t> indexes;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (findings[i].rule->effect == effect) indexes.push_back(i);
  }
  std::stable_sort(indexes.begin(), indexes.end(), [&](std::size_t a, std::size_t b) {
    if (findings[a].confidence != findings[b].confidence) return findings[a].confidence > findings[b].confidence;
    return findings[a].rule->severity > findings[b].rule->severity;
  });
  return indexes;
}

// "Title one; title two (and 3 more)."
std::string listing(const std::vector<Finding>& findings, const std::vector<std::size_t>& indexes, std::size_t most) {
  std::string text;
  for (std::size_t i = 0; i < indexes.size() && i < most; ++i) {
    if (i != 0) text += "; ";
    text += findings[indexes[i]].rule->title;
  }
  if (indexes.size() > most) text += " (and " + std::to_string(indexes.size() - most) + " more)";
  return text + ".";
}

}  // namespace

Verdict decide_verdict(const std::vector<Finding>& findings, const pugi::xml_document& facts,
                       const std::vector<CoverageEntry>& coverage) {
  Verdict verdict;
  verdict.blind_spots = blind_spots_in(coverage);
  const std::vector<std::size_t> every = indexes_of(findings, Effect::all_connections);
  const std::vector<std::size_t> some = indexes_of(findings, Effect::some_connections);
  pugi::xml_node kernel = facts.child("facts").child("kernel");
  // The kernel's own word that user-space networking is on for every interface that has it.
  const bool kernel_says_on = std::string_view(kernel.attribute("netagent").value()) == "true" &&
                              kernel.attribute("filter-state") && *kernel.attribute("filter-state").value() == '\0';

  if (!every.empty()) {
    verdict.path = NetworkPath::sockets;
    verdict.confidence = findings[every.front()].confidence;
    verdict.summary = "Network.framework will use one BSD socket, and one file descriptor, for every connection on "
                      "this Mac. Why: " + listing(findings, every, 3);
  } else if (!some.empty()) {
    verdict.path = NetworkPath::mixed;
    verdict.confidence = findings[some.front()].confidence;
    verdict.summary = std::string(kernel_says_on ? "The kernel reports user-space networking on, but"
                                                 : "User-space networking should be on, but") +
                      " some connections fall back to sockets. Why: " + listing(findings, some, 3);
  } else if (!facts.child("facts").child("os") && !kernel) {
    verdict.path = NetworkPath::unknown;
    verdict.confidence = Confidence::low;
    verdict.summary = "nwaudit could not see enough of this Mac to tell: neither its macOS version nor its kernel state.";
  } else {
    verdict.path = NetworkPath::user_space;
    verdict.confidence = kernel_says_on ? Confidence::confirmed : kernel ? Confidence::high : Confidence::medium;
    verdict.summary = kernel_says_on
                          ? "The kernel reports user-space networking on: Network.framework carries TCP and UDP over one "
                            "channel per process, not one descriptor per connection."
                          : "nwaudit found nothing that turns user-space networking off: Network.framework should carry "
                            "TCP and UDP over one channel per process, not one descriptor per connection.";
  }
  verdict.causes = every;
  verdict.causes.insert(verdict.causes.end(), some.begin(), some.end());
  if (!verdict.blind_spots.empty() && verdict.confidence != Confidence::confirmed) {
    verdict.confidence = lower(verdict.confidence);
    verdict.summary += " Some sources could not be read, so this is less certain.";
  }
  verdict.predicted = verdict.path;
  return verdict;
}

}  // namespace nwaudit
