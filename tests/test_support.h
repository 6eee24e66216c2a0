#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace nwaudit::test {

inline std::string fixture_path(const std::string& relative) { return std::string(NWAUDIT_FIXTURES) + "/" + relative; }

inline std::string slurp(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("test input missing: " + path);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

inline std::string fixture(const std::string& relative) { return slurp(fixture_path(relative)); }

// The folder of every fixture Mac, sorted; there are at least 16.
inline std::vector<std::filesystem::path> fixture_macs() {
  std::vector<std::filesystem::path> macs;
  for (const auto& entry : std::filesystem::directory_iterator(fixture_path("macs"))) {
    if (entry.is_directory()) macs.push_back(entry.path());
  }
  if (macs.size() < 16) throw std::runtime_error("fixture Macs missing from " + fixture_path("macs"));
  std::sort(macs.begin(), macs.end());
  return macs;
}

// ../shared beside the checkout, or an empty path when it is not there.
inline std::filesystem::path shared_reference(const std::string& relative) {
  std::filesystem::path path = std::filesystem::path(NWAUDIT_SHARED) / "reference" / relative;
  return std::filesystem::exists(path) ? path : std::filesystem::path();
}

// A directory under the system temp dir, removed with everything in it at scope exit.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "nwaudit-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ignored);
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  void write(const std::string& relative, const std::string& content) const {
    std::filesystem::path file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
  }
  void link(const std::string& relative, const std::string& target) const {
    std::filesystem::path file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::filesystem::create_symlink(target, file);
  }

 private:
  std::filesystem::path path_;
};

}  // namespace nwaudit::test
