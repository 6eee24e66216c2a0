#pragma once

#include <future>
#include <optional>
#include <string>
#include <utility>

#include "options.h"
#include "nwaudit/rules/knowledge.h"

namespace nwaudit::cli {

// The knowledge load_knowledge_for gives, loaded at once, or on a thread of its own while the
// Mac is read. Its problems reach standard error when it is first asked for, before what the
// asking thread holds (HeldComplaints): in the order of a run that loads it first.
class KnowledgeLoading {
 public:
  KnowledgeLoading(const InputOptions& input, bool on_thread);
  // Waits for it the first time. For one thread only.
  const Knowledge& get();

 private:
  std::future<std::pair<Knowledge, std::string>> loading_;  // the knowledge and its complaints
  std::optional<Knowledge> knowledge_;
};

// Whether the rules may load on a thread of their own while a Mac is read with `jobs` threads
// (--jobs): not with --jobs 1, nor where this process may use only one core.
bool load_rules_while_reading(unsigned jobs);

}  // namespace nwaudit::cli
