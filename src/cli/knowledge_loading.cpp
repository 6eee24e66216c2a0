#include "knowledge_loading.h"

#include <system_error>

#include "cli_support.h"
#include "nwaudit/base/available_cores.h"

namespace nwaudit::cli {

KnowledgeLoading::KnowledgeLoading(const InputOptions& input, bool on_thread) {
  if (on_thread) {
    try {
      loading_ = std::async(std::launch::async, [&input] {
        HeldComplaints complaints;
        Knowledge knowledge = load_knowledge_for(input);
        return std::pair(std::move(knowledge), complaints.take());
      });
      return;
    } catch (const std::system_error&) {
      // No thread to be had: loaded here, as without one.
    }
  }
  knowledge_ = load_knowledge_for(input);
}

const Knowledge& KnowledgeLoading::get() {
  if (!knowledge_) {
    auto [knowledge, complaints] = loading_.get();
    print_complaints(complaints);
    knowledge_ = std::move(knowledge);
  }
  return *knowledge_;
}

bool load_rules_while_reading(unsigned jobs) { return jobs != 1 && available_cores() >= 2; }

}  // namespace nwaudit::cli
