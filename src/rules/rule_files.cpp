#include "nwaudit/rules/rule_files.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <system_error>

#ifdef __APPLE__
#include <mach-o/dyld.h>
#endif

namespace nwaudit {
namespace {

constexpr std::uintmax_t kMaxRuleFileBytes = 4u << 20;

// Whether `path` is `folder` or lies somewhere under it (both canonical).
bool is_within(const std::filesystem::path& path, const std::filesystem::path& folder) {
  return std::mismatch(folder.begin(), folder.end(), path.begin(), path.end()).first == folder.end();
}

}  // namespace

std::filesystem::path running_executable() {
#if defined(__APPLE__)
  // dyld(3): 0 when the path fits; -1 when it does not, with the size it needs in `size`.
  // The path may be relative or a symbolic link, so it is made canonical below.
  std::string located(1024, '\0');
  auto size = static_cast<std::uint32_t>(located.size());
  if (_NSGetExecutablePath(located.data(), &size) != 0) {
    located.assign(size, '\0');
    if (_NSGetExecutablePath(located.data(), &size) != 0) return {};
  }
  if (const auto end = located.find('\0'); end != std::string::npos) located.resize(end);
#elif defined(__linux__)
  const std::string located = "/proc/self/exe";
#else
  return {};
#endif
  std::error_code error;
  std::filesystem::path path = std::filesystem::canonical(located, error);
  if (error) return {};
  return path;
}

std::filesystem::path shipped_rules_directory() {
  if (const char* overridden = std::getenv("NWAUDIT_RULES_DIR"); overridden != nullptr && *overridden != '\0') {
    return overridden;
  }
  std::error_code ignored;
  const std::filesystem::path executable = running_executable();
  if (executable.empty()) return NWAUDIT_INSTALLED_RULES_DIR;
  // A program of the build tree (nwaudit, the tests, the fuzzers) reads the source tree's rules.
  const std::filesystem::path build_tree = std::filesystem::weakly_canonical(NWAUDIT_BUILD_DIR, ignored);
  if (!build_tree.empty() && is_within(executable, build_tree) &&
      std::filesystem::is_directory(NWAUDIT_SOURCE_RULES_DIR, ignored)) {
    return NWAUDIT_SOURCE_RULES_DIR;
  }
  // An installed one reads those installed beside it, wherever the installation was moved.
  const std::filesystem::path beside = (executable.parent_path() / NWAUDIT_RULES_DIR_FROM_BINDIR).lexically_normal();
  if (std::filesystem::is_directory(beside, ignored)) return beside;
  return NWAUDIT_INSTALLED_RULES_DIR;
}

std::vector<std::filesystem::path> standard_rule_directories() {
  std::vector<std::filesystem::path> directories{shipped_rules_directory()};
  std::vector<std::filesystem::path> candidates;
  const char* home = std::getenv("HOME");
#ifdef __APPLE__
  candidates.emplace_back("/Library/Application Support/nwaudit/rules");
  if (home != nullptr && *home != '\0') candidates.push_back(std::filesystem::path(home) / "Library/Application Support/nwaudit/rules");
#else
  candidates.emplace_back("/etc/nwaudit/rules");
  const char* config = std::getenv("XDG_CONFIG_HOME");
  if (config != nullptr && *config != '\0') {
    candidates.push_back(std::filesystem::path(config) / "nwaudit/rules");
  } else if (home != nullptr && *home != '\0') {
    candidates.push_back(std::filesystem::path(home) / ".config/nwaudit/rules");
  }
#endif
  for (const auto& candidate : candidates) {
    std::error_code ignored;
    if (std::filesystem::is_directory(candidate, ignored)) directories.push_back(candidate);
  }
  return directories;
}

std::vector<std::filesystem::path> xml_files_in(const std::vector<std::filesystem::path>& directories,
                                                std::vector<Error>& problems) {
  std::vector<std::filesystem::path> files;
  for (const auto& directory : directories) {
    std::error_code error;
    std::vector<std::filesystem::path> found;
    for (std::filesystem::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
      if (it->path().extension() == ".xml" && it->is_regular_file(error)) found.push_back(it->path());
    }
    if (error) {
      problems.push_back(Error{ErrorKind::io, directory.string(), {}, "cannot list rule directory: " + error.message()});
      continue;
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

Expected<std::string> read_rule_file(const std::filesystem::path& path) {
  std::error_code error;
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (error) return Error{ErrorKind::not_found, path.string(), {}, error.message()};
  if (size > kMaxRuleFileBytes) {
    return Error{ErrorKind::too_large, path.string(), {},
                 std::to_string(size) + " bytes, over the limit of " + std::to_string(kMaxRuleFileBytes)};
  }
  std::ifstream file(path, std::ios::binary);
  std::string content(static_cast<std::size_t>(size), '\0');
  if (!file.read(content.data(), static_cast<std::streamsize>(size))) {
    return Error{ErrorKind::io, path.string(), {}, "cannot read the file"};
  }
  return content;
}

}  // namespace nwaudit
