#pragma once

#include <optional>
#include <string>
#include <vector>

namespace nwaudit::cli {

struct FactsOptions {
  std::optional<std::string> root;
  std::vector<std::string> rule_directories;
  std::optional<std::string> output;
};

struct PlistOptions {
  std::optional<std::string> root;
  std::string path;
  bool unarchive = false;
};

// Each returns the process exit status (nwaudit/exit_codes.h).
int run_facts(const FactsOptions& options);
int run_plist(const PlistOptions& options);

}  // namespace nwaudit::cli
