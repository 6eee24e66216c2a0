#include "path_resolver.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "file_status.h"
#include "nwaudit/base/limits.h"
#include "open_beneath.h"
#include "open_without_access_time.h"
#include "os_error.h"

namespace nwaudit {
namespace {

constexpr int kDirectoryFlags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;

// Pushes the components of `path` on `pending`, its last first, leaving out empty and "." ones.
void push_components(std::string_view path, std::vector<std::string_view>& pending) {
  std::size_t end = path.size();
  while (end > 0) {
    const std::size_t slash = path.rfind('/', end - 1);
    const std::size_t start = slash == std::string_view::npos ? 0 : slash + 1;
    const std::string_view part = path.substr(start, end - start);
    if (!part.empty() && part != ".") pending.push_back(part);
    if (slash == std::string_view::npos) break;
    end = slash;
  }
}

std::string joined(std::string_view directory, std::string_view name) {
  std::string path;
  path.reserve(directory.size() + 1 + name.size());
  path.append(directory);
  if (!directory.empty()) path += '/';
  path.append(name);
  return path;
}

const DirectoryEntry* find_entry(const std::vector<DirectoryEntry>& entries, std::string_view name) {
  const auto found = std::lower_bound(entries.begin(), entries.end(), name,
                                      [](const DirectoryEntry& entry, std::string_view key) { return entry.name < key; });
  return found != entries.end() && found->name == name ? &*found : nullptr;
}

Expected<std::string> read_link_at(int directory, const char* name, std::string_view path) {
  std::string target(256, '\0');
  for (;;) {
    const ssize_t length = ::readlinkat(directory, name, target.data(), target.size());
    if (length < 0) return os_error(path, errno);
    if (static_cast<std::size_t>(length) < target.size()) {
      target.resize(static_cast<std::size_t>(length));
      return target;
    }
    if (target.size() >= 65536) return error_of(ErrorKind::too_large, path, "link target too long");
    target.resize(target.size() * 2);
  }
}

}  // namespace

PathResolver::PathResolver(UniqueFd root, PathResolution resolution)
    : cache_(std::move(root)), kernel_runs_(resolution == PathResolution::kernel) {}

const char* PathResolver::c_name(std::string_view name) {
  name_.assign(name);
  return name_.c_str();
}

Expected<Resolved> PathResolver::resolve(std::string_view path, FinalLink final_link) {
  pending_.clear();
  link_targets_.clear();
  last_status_.reset();
  kernel_run_allowed_ = true;
  push_components(path, pending_);
  Position at{std::string(), cache_.root()};
  int links_followed = 0;
  while (!pending_.empty()) {
    auto skipped = skip_known_directories(at, path);
    if (!skipped) return std::move(skipped).error();
    if (*skipped) continue;
    const std::string_view name = pending_.back();
    pending_.pop_back();
    if (name == "..") {
      if (auto left = leave(at, path); !left) return std::move(left).error();
      continue;
    }
    const bool last = pending_.empty();
    auto type = last ? type_in(at, name, path) : enter(at, name, path);
    if (!type) return std::move(type).error();
    if (*type == FileType::symlink && !(last && final_link == FinalLink::keep)) {
      last_status_.reset();
      if (++links_followed > limits::kMaxSymlinks) {
        return error_of(ErrorKind::link_loop, path, "too many levels of symbolic links");
      }
      auto target = read_link_at(at.directory->fd.get(), c_name(name), path);
      if (!target) return std::move(target).error();
      if (!target->empty() && target->front() == '/') at = Position{std::string(), cache_.root()};
      link_targets_.push_back(std::move(*target));
      push_components(link_targets_.back(), pending_);
      continue;
    }
    if (last) return Resolved{std::move(at.directory), std::move(at.path), std::string(name), *type, last_status_};
    if (*type != FileType::directory) {
      return error_of(ErrorKind::wrong_type, path, std::string(name) + " is not a directory");
    }
  }
  return Resolved{std::move(at.directory), std::move(at.path), std::string(), FileType::directory, {}};
}

// Moves `at` down the run of names ahead that are directories on the way (the last component
// is not one): to the deepest of them still open, else to the end of the run in one call where
// the kernel refuses links itself. False when the next name needs a step of its own.
Expected<bool> PathResolver::skip_known_directories(Position& at, std::string_view path) {
  std::size_t run = 0;
  while (run + 1 < pending_.size() && pending_[pending_.size() - 1 - run] != "..") ++run;
  if (run == 0) return false;
  run_.assign(at.path);
  run_ends_.clear();
  for (std::size_t i = 0; i < run; ++i) {
    if (!run_.empty()) run_ += '/';
    run_ += pending_[pending_.size() - 1 - i];
    run_ends_.push_back(run_.size());
  }
  for (std::size_t length = run; length > 0; --length) {
    const std::string_view directory_path = std::string_view(run_).substr(0, run_ends_[length - 1]);
    if (auto directory = cache_.find(directory_path)) {
      at = Position{std::string(directory_path), std::move(directory)};
      pending_.resize(pending_.size() - length);
      return true;
    }
  }
  if (!kernel_runs_ || !kernel_run_allowed_ || run < 2) return false;
  const std::size_t start = at.path.empty() ? 0 : at.path.size() + 1;
  BeneathOpening opening = open_directory_beneath(at.directory->fd.get(), run_.c_str() + start);
  switch (opening.outcome) {
    case BeneathOpening::Outcome::opened:
      at = Position{run_, cache_.insert(run_, std::move(opening.directory))};
      pending_.resize(pending_.size() - run);
      return true;
    case BeneathOpening::Outcome::missing: return os_error(path, ENOENT);
    case BeneathOpening::Outcome::unsupported: kernel_runs_ = false; return false;
    case BeneathOpening::Outcome::walk: kernel_run_allowed_ = false; return false;  // for the rest of this path
  }
  return false;
}

// A component on the way: `at` moves into it when it is a directory; otherwise its type says
// what it is instead (a link to follow, or a file that cannot be on the way).
Expected<FileType> PathResolver::enter(Position& at, std::string_view name, std::string_view path) {
  if (at.directory->entries) {
    const DirectoryEntry* entry = find_entry(*at.directory->entries, name);
    if (entry == nullptr) return os_error(path, ENOENT);
    if (entry->type != FileType::directory) return entry->type;
  }
  const int fd = open_without_access_time(at.directory->fd.get(), c_name(name), kDirectoryFlags);
  if (fd >= 0) {
    std::string directory_path = joined(at.path, name);
    at.directory = cache_.insert(directory_path, UniqueFd(fd));
    at.path = std::move(directory_path);
    return FileType::directory;
  }
  const int open_error = errno;
  if (open_error != ELOOP && open_error != ENOTDIR) return os_error(path, open_error);
  struct stat info {};
  if (::fstatat(at.directory->fd.get(), c_name(name), &info, AT_SYMLINK_NOFOLLOW) != 0) return os_error(path, errno);
  if (S_ISDIR(info.st_mode)) return os_error(path, open_error);  // replaced while we looked
  return type_of(info.st_mode);
}

// The type of a last component: from its folder's entries when they were listed and kept, else
// from fstatat. (Reading a folder's entries just to look up one or two names costs more: ext4
// reads them in two calls, hashed.)
Expected<FileType> PathResolver::type_in(Position& at, std::string_view name, std::string_view path) {
  if (at.directory->entries) {
    const DirectoryEntry* entry = find_entry(*at.directory->entries, name);
    if (entry == nullptr) return os_error(path, ENOENT);
    return entry->type;
  }
  struct stat info {};
  if (::fstatat(at.directory->fd.get(), c_name(name), &info, AT_SYMLINK_NOFOLLOW) != 0) return os_error(path, errno);
  last_status_ = info;
  return type_of(info.st_mode);
}

// "..": up one level, never above the root.
Expected<void> PathResolver::leave(Position& at, std::string_view path) {
  if (at.path.empty()) return {};
  const std::size_t slash = at.path.rfind('/');
  at.path.resize(slash == std::string::npos ? 0 : slash);
  auto directory = directory_at(at.path, path);
  if (!directory) return std::move(directory).error();
  at.directory = std::move(*directory);
  return {};
}

// A directory by its path inside the root, which has no links: opened below its deepest open ancestor.
Expected<std::shared_ptr<OpenDirectory>> PathResolver::directory_at(std::string_view directory_path,
                                                                    std::string_view path) {
  if (auto directory = cache_.find(directory_path)) return directory;
  const std::size_t slash = directory_path.rfind('/');
  const std::string_view parent_path = slash == std::string_view::npos ? "" : directory_path.substr(0, slash);
  auto parent = directory_at(parent_path, path);
  if (!parent) return std::move(parent).error();
  const std::string_view name = directory_path.substr(slash == std::string_view::npos ? 0 : slash + 1);
  const int fd = open_without_access_time((*parent)->fd.get(), c_name(name), kDirectoryFlags);
  if (fd < 0) return os_error(path, errno);
  return cache_.insert(directory_path, UniqueFd(fd));
}

Expected<std::vector<DirectoryEntry>> PathResolver::list(const Resolved& resolved, std::string_view path) {
  Position at{resolved.directory_path, resolved.directory};
  if (!resolved.name.empty()) {
    std::string directory_path = joined(resolved.directory_path, resolved.name);
    auto directory = cache_.find(directory_path);
    if (!directory) {
      const int fd = open_without_access_time(resolved.directory->fd.get(), resolved.name.c_str(), kDirectoryFlags);
      if (fd < 0) return os_error(path, errno);
      directory = cache_.insert(directory_path, UniqueFd(fd));
    }
    at = Position{std::move(directory_path), std::move(directory)};
  }
  OpenDirectory& directory = *at.directory;
  if (directory.entries) return *directory.entries;
  auto entries = reader_.read(directory.fd.get(), directory.read_before, path);
  directory.read_before = true;
  if (!entries || directory.too_many_to_keep) return entries;
  cache_.keep_entries(at.path, directory, *entries);
  return entries;
}

Expected<std::string> PathResolver::read_link(const Resolved& resolved, std::string_view path) {
  return read_link_at(resolved.directory->fd.get(), resolved.name.c_str(), path);
}

}  // namespace nwaudit
