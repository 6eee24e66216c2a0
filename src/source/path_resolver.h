#pragma once

#include <sys/stat.h>

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "directory_cache.h"
#include "directory_reader.h"
#include "nwaudit/base/expected.h"
#include "nwaudit/source/rooted_source.h"

namespace nwaudit {

enum class FinalLink { follow, keep };

// Where a path ends up inside the root: the directory that holds its last component, and that
// component's name and type (a link only when it is kept); the name is empty when the path
// names the directory itself.
struct Resolved {
  std::shared_ptr<OpenDirectory> directory;
  std::string directory_path;  // inside the root, every link resolved: "" or "Library/Extensions"
  std::string name;
  FileType type = FileType::directory;
  // What fstatat said of the last component, when its type was not known from a listing.
  std::optional<struct stat> status;
};

// Resolves Mac paths inside a root as if chrooted there: ".." stops at the root, an absolute
// link target starts again at the root, links in the tree are followed while they stay in it,
// and more than limits::kMaxSymlinks links is a link_loop error. Nothing is opened through a
// link: a directory is opened with O_NOFOLLOW below one opened before, or a run of them at once
// by a call that refuses links (open_directory_beneath); links are read and followed here.
// Each directory is opened once while the cache keeps it; a folder listed once answers every
// later lookup of a name in it, there or not, without a system call.
class PathResolver {
 public:
  PathResolver(UniqueFd root, PathResolution resolution);

  Expected<Resolved> resolve(std::string_view path, FinalLink final_link);
  // The entries of the directory a resolved path names, sorted by name.
  Expected<std::vector<DirectoryEntry>> list(const Resolved& resolved, std::string_view path);
  // The target of the link a resolved path names, as stored.
  Expected<std::string> read_link(const Resolved& resolved, std::string_view path);

 private:
  struct Position {
    std::string path;  // as Resolved::directory_path
    std::shared_ptr<OpenDirectory> directory;
  };

  Expected<bool> skip_known_directories(Position& at, std::string_view path);
  Expected<FileType> enter(Position& at, std::string_view name, std::string_view path);
  Expected<FileType> type_in(Position& at, std::string_view name, std::string_view path);
  std::optional<struct stat> last_status_;  // type_in's fstatat, for Resolved::status
  Expected<void> leave(Position& at, std::string_view path);
  Expected<std::shared_ptr<OpenDirectory>> directory_at(std::string_view directory_path, std::string_view path);
  const char* c_name(std::string_view name);

  DirectoryCache cache_;
  DirectoryReader reader_;
  bool kernel_runs_;  // whether runs of directories are opened by open_directory_beneath
  bool kernel_run_allowed_ = true;  // false for the rest of a path once such a run needed the walk
  // Reused by every resolution: the components still to resolve (the next one last), which point
  // into the path or into link_targets_; a run of them joined; one name with its terminating zero.
  std::vector<std::string_view> pending_;
  std::deque<std::string> link_targets_;
  std::string run_;
  std::vector<std::size_t> run_ends_;
  std::string name_;
};

}  // namespace nwaudit
