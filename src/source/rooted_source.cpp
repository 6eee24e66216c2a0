#include "nwaudit/source/rooted_source.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>

#include "nwaudit/base/limits.h"
#include "nwaudit/base/unique_fd.h"

namespace nwaudit {
namespace {

// Components of a path, without empty and "." ones; ".." is kept for the resolver.
void prepend_components(std::string_view path, std::deque<std::string>& pending) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view part = path.substr(start, end - start);
    if (!part.empty() && part != ".") parts.emplace_back(part);
    start = end + 1;
  }
  pending.insert(pending.begin(), parts.begin(), parts.end());
}

Error os_error(std::string_view path, int error_number) {
  ErrorKind kind = ErrorKind::io;
  switch (error_number) {
    case ENOENT: kind = ErrorKind::not_found; break;
    case EACCES:
    case EPERM: kind = ErrorKind::permission_denied; break;
    case ENOTDIR:
    case EISDIR: kind = ErrorKind::wrong_type; break;
    case ELOOP: kind = ErrorKind::link_loop; break;
    default: break;
  }
  return Error{kind, std::string(path), {}, std::strerror(error_number)};
}

Error error_of(ErrorKind kind, std::string_view path, std::string reason) {
  return Error{kind, std::string(path), {}, std::move(reason)};
}

FileType type_of(mode_t mode) {
  if (S_ISREG(mode)) return FileType::regular;
  if (S_ISDIR(mode)) return FileType::directory;
  if (S_ISLNK(mode)) return FileType::symlink;
  return FileType::other;
}

const char* type_name(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISLNK(mode)) return "a symbolic link";
  return "not a regular file";
}

FileStatus status_of(const struct stat& st) {
  FileStatus status;
  status.type = type_of(st.st_mode);
  status.size = static_cast<std::uint64_t>(st.st_size);
  status.mode = static_cast<std::uint32_t>(st.st_mode & 07777);
#ifdef __APPLE__
  status.modified_unix_seconds = st.st_mtimespec.tv_sec;
#else
  status.modified_unix_seconds = st.st_mtim.tv_sec;
#endif
  return status;
}

Expected<std::string> read_link_at(int dir_fd, const std::string& name, std::string_view path) {
  std::string target(256, '\0');
  for (;;) {
    ssize_t length = ::readlinkat(dir_fd, name.c_str(), target.data(), target.size());
    if (length < 0) return os_error(path, errno);
    if (static_cast<std::size_t>(length) < target.size()) {
      target.resize(static_cast<std::size_t>(length));
      return target;
    }
    if (target.size() >= 65536) return error_of(ErrorKind::too_large, path, "link target too long");
    target.resize(target.size() * 2);
  }
}

// Where a path ends up inside the root: the directory that holds the final component,
// that component's name (empty when the path names the directory itself) and its lstat.
struct Resolved {
  UniqueFd directory;
  std::string name;
  struct stat info {};
};

enum class FinalLink { follow, keep };

Expected<Resolved> resolve(int root_fd, std::string_view path, FinalLink final_link) {
  std::deque<std::string> pending;
  prepend_components(path, pending);
  std::vector<UniqueFd> directories;  // open directories below the root, innermost last
  int links_followed = 0;
  auto current = [&] { return directories.empty() ? root_fd : directories.back().get(); };

  while (!pending.empty()) {
    std::string name = std::move(pending.front());
    pending.pop_front();
    if (name == "..") {
      if (!directories.empty()) directories.pop_back();
      continue;
    }
    struct stat info {};
    if (::fstatat(current(), name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) return os_error(path, errno);
    const bool last = pending.empty();
    if (S_ISLNK(info.st_mode) && !(last && final_link == FinalLink::keep)) {
      if (++links_followed > limits::kMaxSymlinks) {
        return error_of(ErrorKind::link_loop, path, "too many levels of symbolic links");
      }
      auto target = read_link_at(current(), name, path);
      if (!target) return std::move(target).error();
      if (!target->empty() && target->front() == '/') directories.clear();
      prepend_components(*target, pending);
      continue;
    }
    if (last) {
      int dup_fd = ::fcntl(current(), F_DUPFD_CLOEXEC, 0);
      if (dup_fd < 0) return os_error(path, errno);
      return Resolved{UniqueFd(dup_fd), std::move(name), info};
    }
    if (!S_ISDIR(info.st_mode)) return error_of(ErrorKind::wrong_type, path, name + " is not a directory");
    int fd = ::openat(current(), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return os_error(path, errno);
    directories.emplace_back(fd);
  }

  Resolved resolved;
  int dup_fd = ::fcntl(current(), F_DUPFD_CLOEXEC, 0);
  if (dup_fd < 0 || ::fstat(dup_fd, &resolved.info) != 0) {
    if (dup_fd >= 0) ::close(dup_fd);
    return os_error(path, errno);
  }
  resolved.directory.reset(dup_fd);
  return resolved;
}

// openat() that leaves access times alone where the system allows it: Linux's O_NOATIME
// needs the file's owner (or CAP_FOWNER), so EPERM means trying again without it.
int open_without_access_time(int directory, const char* name, int flags) {
#ifdef O_NOATIME
  int fd = ::openat(directory, name, flags | O_NOATIME);
  if (fd >= 0 || errno != EPERM) return fd;
#endif
  return ::openat(directory, name, flags);
}

struct ClosesDirectory {
  void operator()(DIR* directory) const { ::closedir(directory); }
};

// Opens what a resolved path names, refusing a link that appeared since it was resolved.
Expected<UniqueFd> open_resolved(const Resolved& resolved, int flags, std::string_view path) {
  if (resolved.name.empty()) {
    // The directory itself, opened anew: a duplicate would share its read position with the
    // root's descriptor, and a second listing of the root would find nothing.
    int fd = open_without_access_time(resolved.directory.get(), ".", flags | O_CLOEXEC);
    if (fd < 0) return os_error(path, errno);
    return UniqueFd(fd);
  }
  int fd = open_without_access_time(resolved.directory.get(), resolved.name.c_str(), flags | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return os_error(path, errno);
  return UniqueFd(fd);
}

}  // namespace

Expected<std::unique_ptr<RootedSource>> RootedSource::open(const std::string& root) {
  int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    Error error = os_error(root, errno);
    error.reason = "cannot open the root directory: " + error.reason;
    return error;
  }
  return std::unique_ptr<RootedSource>(new RootedSource(root, fd));
}

RootedSource::RootedSource(std::string root, int root_fd) : root_(std::move(root)), root_fd_(root_fd) {}

RootedSource::~RootedSource() { ::close(root_fd_); }

std::string RootedSource::description() const {
  return root_ == "/" ? std::string("the live system") : "the tree at " + root_;
}

namespace {

class PosixFile final : public RandomAccessFile {
 public:
  PosixFile(UniqueFd fd, std::uint64_t size, std::string path) : fd_(std::move(fd)), size_(size), path_(std::move(path)) {}

  std::uint64_t size() const override { return size_; }
  const std::string& path() const override { return path_; }

  Expected<std::string> read_at(std::uint64_t offset, std::size_t length) const override {
    if (offset > size_ || length > size_ - offset) {
      return Error{ErrorKind::malformed, path_, "byte offset " + std::to_string(offset),
                   "reading " + std::to_string(length) + " bytes runs past the end of the " +
                       std::to_string(size_) + "-byte file"};
    }
    std::string content(length, '\0');
    std::size_t filled = 0;
    while (filled < length) {
      ssize_t count = ::pread(fd_.get(), content.data() + filled, length - filled,
                              static_cast<off_t>(offset + filled));
      if (count < 0) {
        if (errno == EINTR) continue;
        return os_error(path_, errno);
      }
      if (count == 0) {
        return Error{ErrorKind::malformed, path_, "byte offset " + std::to_string(offset + filled),
                     "the file ended early (it shrank while being read)"};
      }
      filled += static_cast<std::size_t>(count);
    }
    return content;
  }

 private:
  UniqueFd fd_;
  std::uint64_t size_;
  std::string path_;
};

}  // namespace

Expected<std::unique_ptr<RandomAccessFile>> RootedSource::open_file(std::string_view path) const {
  auto resolved = resolve(root_fd_, path, FinalLink::follow);
  if (!resolved) return std::move(resolved).error();
  if (!S_ISREG(resolved->info.st_mode)) {
    return error_of(ErrorKind::wrong_type, path, std::string("is ") + type_name(resolved->info.st_mode));
  }
  auto fd = open_resolved(*resolved, O_RDONLY | O_NONBLOCK | O_NOCTTY, path);
  if (!fd) return std::move(fd).error();
  struct stat info {};
  if (::fstat(fd->get(), &info) != 0) return os_error(path, errno);
  if (!S_ISREG(info.st_mode)) return error_of(ErrorKind::wrong_type, path, std::string("is ") + type_name(info.st_mode));
  return std::unique_ptr<RandomAccessFile>(
      new PosixFile(std::move(*fd), static_cast<std::uint64_t>(info.st_size), std::string(path)));
}

Expected<std::vector<DirectoryEntry>> RootedSource::list_directory(std::string_view path) const {
  auto resolved = resolve(root_fd_, path, FinalLink::follow);
  if (!resolved) return std::move(resolved).error();
  if (!S_ISDIR(resolved->info.st_mode)) return error_of(ErrorKind::wrong_type, path, "is not a directory");
  auto fd = open_resolved(*resolved, O_RDONLY | O_DIRECTORY, path);
  if (!fd) return std::move(fd).error();
  const std::unique_ptr<DIR, ClosesDirectory> dir(::fdopendir(fd->get()));
  if (!dir) return os_error(path, errno);
  fd->release();

  std::vector<DirectoryEntry> entries;
  for (;;) {
    errno = 0;
    const dirent* entry = ::readdir(dir.get());
    if (entry == nullptr) {
      if (errno != 0) return os_error(path, errno);
      break;
    }
    std::string name = entry->d_name;
    if (name == "." || name == "..") continue;
    if (entries.size() == limits::kMaxDirectoryEntries) {
      return error_of(ErrorKind::too_large, path, "more than " + std::to_string(limits::kMaxDirectoryEntries) + " entries");
    }
    struct stat info {};
    FileType type = FileType::other;
    if (::fstatat(::dirfd(dir.get()), name.c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0) type = type_of(info.st_mode);
    entries.push_back({std::move(name), type});
  }
  std::sort(entries.begin(), entries.end(),
            [](const DirectoryEntry& a, const DirectoryEntry& b) { return a.name < b.name; });
  return entries;
}

Expected<FileStatus> RootedSource::status(std::string_view path) const {
  auto resolved = resolve(root_fd_, path, FinalLink::follow);
  if (!resolved) return std::move(resolved).error();
  return status_of(resolved->info);
}

Expected<std::string> RootedSource::read_link(std::string_view path) const {
  auto resolved = resolve(root_fd_, path, FinalLink::keep);
  if (!resolved) return std::move(resolved).error();
  if (resolved->name.empty() || !S_ISLNK(resolved->info.st_mode)) {
    return error_of(ErrorKind::wrong_type, path, "is not a symbolic link");
  }
  return read_link_at(resolved->directory.get(), resolved->name, path);
}

}  // namespace nwaudit
