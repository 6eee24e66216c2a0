#include <algorithm>
#include <string>
#include <string_view>

#include "blind_spots.h"
#include "kernel_word.h"
#include "nwaudit/audit/audit.h"
#include "nwaudit/rules/rule.h"

namespace nwaudit {
namespace {

// Findings of one effect that the kernel does not contradict, most confident and most severe first.
std::vector<std::size_t> indexes_of(const std::vector<Finding>& findings, Effect effect) {
  std::vector<std::size_t> indexes;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (findings[i].rule->effect == effect && findings[i].contradicted_by.empty()) indexes.push_back(i);
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

// The messages of the findings that block the verdict, as one reason.
std::string reasons(const std::vector<Finding>& findings, const std::vector<std::size_t>& indexes) {
  std::string text;
  for (std::size_t index : indexes) text += " " + findings[index].message;
  return text;
}

bool is_judgeable_mac(pugi::xml_node os) {
  return std::string_view(os.attribute("macos").value()) == "true" && os.attribute("major");
}

// User space without the kernel's word: what nwaudit could not read lowers the confidence of
// "nothing found", one step for each collector with a blind spot; past low there is no answer.
void judge_absence(Verdict& verdict, const BlindSpots& blind) {
  int steps = static_cast<int>(blind.collectors.size()) - static_cast<int>(blind.collectors.count("kernel"));
  if (steps >= 2) {
    verdict.path = NetworkPath::unknown;
    verdict.confidence = Confidence::low;
    verdict.summary = "nwaudit found nothing that turns user-space networking off in what it could read, but the "
                      "kernel's state was not captured and too much else could not be read to rule a cause out.";
    return;
  }
  verdict.path = NetworkPath::user_space;
  verdict.confidence = steps == 0 ? Confidence::medium : Confidence::low;
  verdict.summary = "nwaudit found nothing that turns user-space networking off: Network.framework should carry TCP "
                    "and UDP over one channel per process, not one descriptor per connection. The kernel's state "
                    "was not captured to confirm it.";
}

// Without the sysctls, a flow table with no user-space flow in it: an idle Mac has none, so it
// proves nothing on its own, but beside kernel flows it fits sockets, and it leaves "nothing
// found, so user space" unsupported.
void weigh_flows_without_user_space(Verdict& verdict, const KernelWord& kernel) {
  if (!kernel.flows_read || kernel.read) return;
  if (verdict.path == NetworkPath::user_space) {
    verdict.path = NetworkPath::unknown;
    verdict.confidence = Confidence::low;
    verdict.summary = "nwaudit found nothing that turns user-space networking off in what it could read, but the "
                      "kernel's flow table does not show it in use: " + kernel.flows +
                      ". Either nothing used Network.framework when the capture was made, or connections fell back "
                      "to sockets for a reason nwaudit could not see.";
  } else if (verdict.path == NetworkPath::sockets) {
    verdict.summary += " The kernel's flow table fits this: " + kernel.flows + ".";
  } else {
    verdict.summary += " The kernel's flow table shows no user-space flow: " + kernel.flows + ".";
  }
}

}  // namespace

const char* to_string(VerdictBasis basis) {
  switch (basis) {
    case VerdictBasis::configuration: return "configuration";
    case VerdictBasis::kernel: return "kernel";
    case VerdictBasis::measurement: return "measurement";
  }
  return "configuration";
}

Verdict decide_verdict(std::vector<Finding>& findings, const pugi::xml_document& facts,
                       const std::vector<CoverageEntry>& coverage) {
  Verdict verdict;
  const BlindSpots blind = blind_spots_in(coverage);
  verdict.blind_spots = blind.described;
  verdict.sources_read = blind.read;
  verdict.sources_sought = blind.sought;
  const KernelWord kernel = kernel_word(facts.child("facts"));
  const std::size_t contradicted = mark_contradicted_by_kernel(findings, kernel);
  const std::vector<std::size_t> blocking = indexes_of(findings, Effect::blocks_verdict);
  const std::vector<std::size_t> every = indexes_of(findings, Effect::all_connections);
  const std::vector<std::size_t> some = indexes_of(findings, Effect::some_connections);
  if (kernel.read) verdict.basis = VerdictBasis::kernel;

  if (!blocking.empty()) {
    verdict.path = NetworkPath::unknown;
    verdict.confidence = Confidence::low;
    verdict.basis = VerdictBasis::configuration;
    verdict.summary = "nwaudit cannot judge this tree as a Mac:" + reasons(findings, blocking);
  } else if (!every.empty()) {
    verdict.path = NetworkPath::sockets;
    verdict.confidence = findings[every.front()].confidence;
    verdict.summary = "Network.framework will use one BSD socket, and one file descriptor, for every connection on "
                      "this Mac. Why: " + listing(findings, every, 3);
  } else if (kernel.read && !kernel.user_space_on) {
    verdict.path = NetworkPath::sockets;
    verdict.confidence = Confidence::confirmed;
    verdict.summary = "The kernel reports user-space networking off (" + kernel.state +
                      "), and none of the rules loaded explains why.";
  } else if (!some.empty()) {
    verdict.path = NetworkPath::mixed;
    verdict.confidence = findings[some.front()].confidence;
    verdict.summary = std::string(kernel.read ? "The kernel reports user-space networking on, but"
                                              : "User-space networking should be on, but") +
                      " some connections fall back to sockets. Why: " + listing(findings, some, 3);
  } else if (!is_judgeable_mac(facts.child("facts").child("os"))) {
    // Whatever rules were loaded: finding nothing in what is not a readable Mac proves nothing.
    verdict.path = NetworkPath::unknown;
    verdict.confidence = Confidence::low;
    verdict.basis = VerdictBasis::configuration;
    verdict.summary = "nwaudit found no cause, but could not read which macOS this is, so that proves nothing.";
  } else if (kernel.read) {
    verdict.path = NetworkPath::user_space;
    verdict.confidence = blind.collectors.count("interfaces") != 0 ? Confidence::high : Confidence::confirmed;
    verdict.summary = "The kernel reports user-space networking on: Network.framework carries TCP and UDP over one "
                      "channel per process, not one descriptor per connection.";
    if (kernel.flows_read) verdict.summary += " Its flow table shows it: " + kernel.flows + ".";
  } else {
    judge_absence(verdict, blind);
  }
  weigh_flows_without_user_space(verdict, kernel);
  verdict.causes = blocking.empty() ? every : blocking;
  if (blocking.empty()) verdict.causes.insert(verdict.causes.end(), some.begin(), some.end());
  if (verdict.path != NetworkPath::user_space && !verdict.blind_spots.empty() &&
      verdict.confidence != Confidence::confirmed && verdict.confidence != Confidence::low) {
    verdict.confidence = lower(verdict.confidence);
    verdict.summary += " Some sources could not be read, so this is less certain.";
  }
  verdict.predicted = verdict.path;
  if (contradicted != 0) {
    verdict.contradicted = true;
    verdict.contradiction = "The configuration predicts sockets for every connection (" +
                            std::to_string(contradicted) + (contradicted == 1 ? " finding" : " findings") +
                            "), but the kernel's captured state says user-space networking is on (" + kernel.state +
                            "). The kernel's word decides; the findings it contradicts are shown as such.";
  }
  return verdict;
}

}  // namespace nwaudit
