#include "kernel_word.h"

#include <string_view>

namespace nwaudit {

KernelWord kernel_word(pugi::xml_node facts) {
  pugi::xml_node kernel = facts.child("kernel");
  pugi::xml_attribute filters = kernel.attribute("filter-state");
  const std::string_view netagent = kernel.attribute("netagent").value();
  KernelWord word;
  word.read = filters && (netagent == "true" || netagent == "false");
  if (!word.read) return word;
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
        "net.link.generic.system.enable_netagent.";
    ++marked;
  }
  return marked;
}

}  // namespace nwaudit
