#include "kernel_word.h"

#include <string_view>

namespace nwaudit {

namespace {

// How many of the processes with user-space flows are named in sentences.
constexpr std::size_t kProcessesNamed = 2;

void read_flows(pugi::xml_node facts, KernelWord& word) {
  pugi::xml_node table = facts.child("skywalk-flows");
  if (!table) return;
  word.flows_read = true;
  word.user_space_flows = table.attribute("user-space").as_ullong();
  word.kernel_flows = table.attribute("kernel").as_ullong();
  std::string names;
  std::size_t named = 0;
  std::size_t unnamed = 0;
  for (pugi::xml_node process : table.children("process")) {
    if (process.attribute("user-space").as_ullong() == 0) continue;
    if (named == kProcessesNamed) {
      ++unnamed;
      continue;
    }
    names += (named++ == 0 ? "" : ", ") + std::string(process.attribute("name").value());
  }
  if (unnamed != 0) names += " and " + std::to_string(unnamed) + " more";
  word.flows = "skywalkctl flow: " + std::to_string(word.user_space_flows) + " user-space flow" +
               (word.user_space_flows == 1 ? "" : "s") + (names.empty() ? "" : " (" + names + ")") + ", " +
               std::to_string(word.kernel_flows) + " kernel flow" + (word.kernel_flows == 1 ? "" : "s");
}

}  // namespace

KernelWord kernel_word(pugi::xml_node facts) {
  KernelWord word;
  read_flows(facts, word);
  pugi::xml_node kernel = facts.child("kernel");
  pugi::xml_attribute filters = kernel.attribute("filter-state");
  const std::string_view netagent = kernel.attribute("netagent").value();
  word.read = filters && (netagent == "true" || netagent == "false");
  if (!word.read) {
    // The sysctls decide when both were captured; without them, user-space flows in use say it was on.
    word.read = word.user_space_on = word.user_space_flows != 0;
    word.state = word.flows;
    return word;
  }
  const std::string_view filter_state = filters.value();
  word.user_space_on = netagent == "true" && filter_state.empty();
  word.state = (filter_state.empty() ? std::string("net.filter_state empty")
                                     : "net.filter_state \"" + std::string(filter_state) + "\"") +
               ", enable_netagent " + (netagent == "true" ? "1" : "0");
  return word;
}

std::size_t mark_contradicted_by_kernel(std::vector<Finding>& findings, const KernelWord& kernel) {
  if (!kernel.read || !kernel.user_space_on) return 0;
  std::size_t marked = 0;
  for (Finding& finding : findings) {
    // Confirmed findings are the kernel's own state; the others predict it.
    if (finding.rule->effect != Effect::all_connections || finding.confidence == Confidence::confirmed) continue;
    finding.contradicted_by = "kernel";
    finding.contradiction =
        "The kernel's captured state (" + kernel.state + ") says user-space networking was on when the snapshot "
        "was taken, so this did not switch it off then. Likely: the setting or extension is not active yet (it "
        "takes effect at the next restart, or when its app starts), it failed to load, or the captures come from "
        "another moment than the files. Check again after a restart: sysctl net.filter_state "
        "net.link.generic.system.enable_netagent, sudo skywalkctl flow -n.";
    ++marked;
  }
  return marked;
}

}  // namespace nwaudit
