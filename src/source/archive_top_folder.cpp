#include "archive_top_folder.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace nwaudit::archive {
namespace {

constexpr std::array<std::string_view, 18> kMacTopFolders = {
    ".nwaudit", "Applications", "Library", "Network", "System", "Users",   "Volumes", "bin",  "cores",
    "dev",      "etc",          "home",    "opt",     "private", "sbin", "tmp",     "usr", "var"};

bool added_by_macos(std::string_view name) { return name == "__MACOSX" || name.starts_with("._"); }

}  // namespace

std::optional<std::string> folder_to_enter(const std::set<std::string>& top_names) {
  const std::string* only = nullptr;
  for (const std::string& name : top_names) {
    if (added_by_macos(name)) continue;
    if (only != nullptr) return std::nullopt;
    only = &name;
  }
  if (only == nullptr || std::find(kMacTopFolders.begin(), kMacTopFolders.end(), *only) != kMacTopFolders.end()) {
    return std::nullopt;
  }
  return *only;
}

}  // namespace nwaudit::archive
