#include "nwaudit/source/rooted_source.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>

#include "file_status.h"
#include "open_without_access_time.h"
#include "os_error.h"
#include "path_resolver.h"
#include "posix_file.h"

namespace nwaudit {
namespace {

// The stat of what a resolved path names, without following a link.
Expected<struct stat> status_at(const Resolved& resolved, std::string_view path) {
  if (resolved.status) return *resolved.status;
  struct stat info {};
  const int result = resolved.name.empty()
                         ? ::fstat(resolved.directory->fd.get(), &info)
                         : ::fstatat(resolved.directory->fd.get(), resolved.name.c_str(), &info, AT_SYMLINK_NOFOLLOW);
  if (result != 0) return os_error(path, errno);
  return info;
}

}  // namespace

Expected<std::unique_ptr<RootedSource>> RootedSource::open(const std::string& root, PathResolution resolution) {
  const int fd = open_without_access_time(AT_FDCWD, root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    Error error = os_error(root, errno);
    error.reason = "cannot open the root directory: " + error.reason;
    return error;
  }
  return std::unique_ptr<RootedSource>(new RootedSource(root, std::make_unique<PathResolver>(UniqueFd(fd), resolution)));
}

RootedSource::RootedSource(std::string root, std::unique_ptr<PathResolver> resolver)
    : root_(std::move(root)), resolver_(std::move(resolver)) {}

RootedSource::~RootedSource() = default;

std::string RootedSource::description() const {
  return root_ == "/" ? std::string("the live system") : "the tree at " + root_;
}

Expected<std::unique_ptr<RandomAccessFile>> RootedSource::open_file(std::string_view path) const {
  const std::lock_guard lock(mutex_);
  auto resolved = resolver_->resolve(path, FinalLink::follow);
  if (!resolved) return std::move(resolved).error();
  if (resolved->type != FileType::regular) {
    auto info = status_at(*resolved, path);
    if (!info) return std::move(info).error();
    return error_of(ErrorKind::wrong_type, path, std::string("is ") + type_name(info->st_mode));
  }
  std::optional<std::uint64_t> checked_size;
  if (resolved->status) checked_size = static_cast<std::uint64_t>(resolved->status->st_size);
  return open_regular_file(resolved->directory->fd.get(), resolved->name.c_str(), path, checked_size);
}

Expected<std::vector<DirectoryEntry>> RootedSource::list_directory(std::string_view path) const {
  const std::lock_guard lock(mutex_);
  auto resolved = resolver_->resolve(path, FinalLink::follow);
  if (!resolved) return std::move(resolved).error();
  if (resolved->type != FileType::directory) return error_of(ErrorKind::wrong_type, path, "is not a directory");
  return resolver_->list(*resolved, path);
}

Expected<FileStatus> RootedSource::status(std::string_view path) const {
  const std::lock_guard lock(mutex_);
  auto resolved = resolver_->resolve(path, FinalLink::follow);
  if (!resolved) return std::move(resolved).error();
  auto info = status_at(*resolved, path);
  if (!info) return std::move(info).error();
  return status_of(*info);
}

Expected<std::string> RootedSource::read_link(std::string_view path) const {
  const std::lock_guard lock(mutex_);
  auto resolved = resolver_->resolve(path, FinalLink::keep);
  if (!resolved) return std::move(resolved).error();
  if (resolved->name.empty() || resolved->type != FileType::symlink) {
    return error_of(ErrorKind::wrong_type, path, "is not a symbolic link");
  }
  return resolver_->read_link(*resolved, path);
}

}  // namespace nwaudit
