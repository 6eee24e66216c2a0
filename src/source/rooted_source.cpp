#include "nwaudit/source/rooted_source.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <thread>

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
  return std::unique_ptr<RootedSource>(new RootedSource(root, UniqueFd(fd), resolution));
}

namespace {

// As many resolvers as the descriptor limit leaves room for, each with its open directories
// and a file or two, beside what the rest of the process holds (a Mac shell's default is 256).
std::size_t resolvers_within_descriptor_limit() {
  constexpr std::size_t kPerResolver = DirectoryCache::kMaxOpenDirectories + 8;
  constexpr std::size_t kForTheRest = 64;
  constexpr std::size_t kEnough = 64;
  struct rlimit limit {};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return kEnough;
  const auto descriptors = static_cast<std::size_t>(limit.rlim_cur);
  if (descriptors < kForTheRest + 2 * kPerResolver) return 1;
  return std::min(kEnough, (descriptors - kForTheRest) / kPerResolver);
}

}  // namespace

RootedSource::RootedSource(std::string root, UniqueFd root_fd, PathResolution resolution)
    : root_(std::move(root)),
      root_fd_(std::move(root_fd)),
      resolution_(resolution),
      max_resolvers_(resolvers_within_descriptor_limit()) {}

RootedSource::~RootedSource() = default;

std::string RootedSource::description() const {
  return root_ == "/" ? std::string("the live system") : "the tree at " + root_;
}

// An idle resolver, or a new one with the root opened anew (not a dup: a listing of the root
// moves the offset its open file shares), for one call; put back when the call returns.
class RootedSource::Lease {
 public:
  static Expected<Lease> take(const RootedSource& source, std::string_view path) {
    {
      std::unique_lock lock(source.mutex_);
      source.resolver_idle_.wait(lock, [&] { return !source.idle_.empty() || source.resolvers_ < source.max_resolvers_; });
      if (!source.idle_.empty()) {
        // Preferably the one this thread used last: its directories are the ones it reads next.
        auto idle = std::find_if(source.idle_.begin(), source.idle_.end(), [](const IdleResolver& resolver) {
          return resolver.last_user == std::this_thread::get_id();
        });
        if (idle == source.idle_.end()) idle = source.idle_.end() - 1;
        Lease lease(source, std::move(idle->resolver));
        source.idle_.erase(idle);
        return lease;
      }
      ++source.resolvers_;
    }
    const int fd = open_without_access_time(source.root_fd_.get(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
      const int open_error = errno;
      {
        const std::lock_guard lock(source.mutex_);
        --source.resolvers_;
      }
      source.resolver_idle_.notify_one();
      return os_error(path, open_error);
    }
    return Lease(source, std::make_unique<PathResolver>(UniqueFd(fd), source.resolution_));
  }
  Lease(Lease&&) = default;
  Lease& operator=(Lease&&) = delete;
  ~Lease() {
    if (!resolver_) return;
    {
      const std::lock_guard lock(source_.mutex_);
      source_.idle_.push_back({std::move(resolver_), std::this_thread::get_id()});
    }
    source_.resolver_idle_.notify_one();
  }

  PathResolver* operator->() const { return resolver_.get(); }

 private:
  Lease(const RootedSource& source, std::unique_ptr<PathResolver> resolver)
      : source_(source), resolver_(std::move(resolver)) {}

  const RootedSource& source_;
  std::unique_ptr<PathResolver> resolver_;
};

Expected<std::unique_ptr<RandomAccessFile>> RootedSource::open_file(std::string_view path) const {
  auto resolver = Lease::take(*this, path);
  if (!resolver) return std::move(resolver).error();
  auto resolved = (*resolver)->resolve(path, FinalLink::follow);
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
  auto resolver = Lease::take(*this, path);
  if (!resolver) return std::move(resolver).error();
  auto resolved = (*resolver)->resolve(path, FinalLink::follow);
  if (!resolved) return std::move(resolved).error();
  if (resolved->type != FileType::directory) return error_of(ErrorKind::wrong_type, path, "is not a directory");
  return (*resolver)->list(*resolved, path);
}

Expected<FileStatus> RootedSource::status(std::string_view path) const {
  auto resolver = Lease::take(*this, path);
  if (!resolver) return std::move(resolver).error();
  auto resolved = (*resolver)->resolve(path, FinalLink::follow);
  if (!resolved) return std::move(resolved).error();
  auto info = status_at(*resolved, path);
  if (!info) return std::move(info).error();
  return status_of(*info);
}

Expected<std::string> RootedSource::read_link(std::string_view path) const {
  auto resolver = Lease::take(*this, path);
  if (!resolver) return std::move(resolver).error();
  auto resolved = (*resolver)->resolve(path, FinalLink::keep);
  if (!resolved) return std::move(resolved).error();
  if (resolved->name.empty() || resolved->type != FileType::symlink) {
    return error_of(ErrorKind::wrong_type, path, "is not a symbolic link");
  }
  return (*resolver)->read_link(*resolved, path);
}

}  // namespace nwaudit
