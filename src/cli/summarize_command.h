#pragma once

#include <optional>
#include <string>
#include <vector>

#include "options.h"

namespace nwaudit::cli {

struct SummarizeOptions {
  std::vector<std::string> paths;         // reports: files, folders, archives
  std::vector<std::string> rule_directories;  // --rules: where an ndjson line's rules are looked up too
  std::string format = "text";
  std::optional<std::string> output;
};

// `nwaudit summarize`: 0 when every report was read, 2 when some were skipped, 66 when a
// PATH cannot be read at all (nwaudit(1), SUMMARIZE).
int run_summarize_command(const SummarizeOptions& options);

}  // namespace nwaudit::cli
