#pragma once

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "nwaudit/base/unique_fd.h"

#include "nwaudit/source/source.h"

namespace nwaudit {

class PathResolver;

// How a RootedSource opens the directories on a path. Both resolve every path the same way.
enum class PathResolution {
  // A run of plain directories in one system call that refuses links on its own, where the
  // kernel has one (Linux 5.6+: openat2 with RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS; macOS 11+:
  // O_NOFOLLOW_ANY); one at a time elsewhere, and wherever a link is on the way.
  kernel,
  // Always one directory at a time, each opened with O_NOFOLLOW below the one before.
  portable,
};

// A Source over a directory that stands for the Mac's "/": the live system when the
// directory is "/", a snapshot or fixture tree otherwise.
//
// Every path is resolved inside the root as if the process were chrooted there: ".." stops
// at the root, an absolute link target starts again at the root, links are followed while they
// stay inside, and more than limits::kMaxSymlinks links is a link_loop error. Each directory is
// opened once (with O_NOFOLLOW) and kept open for a while, and a folder's entries are read once,
// so that reading many files of one folder costs about what reading them costs. Files are opened
// read-only without following a final link and without blocking, and only regular files are
// read, so FIFOs and devices placed in the tree are refused. Where the system allows (Linux's
// O_NOATIME, as the files' owner), reading leaves access times alone. Safe to use from several
// threads at once: each call resolves its path with a resolver (and open directories) of its own.
class RootedSource final : public Source {
 public:
  // Fails when root is not a directory that can be opened.
  static Expected<std::unique_ptr<RootedSource>> open(const std::string& root,
                                                      PathResolution resolution = PathResolution::kernel);
  ~RootedSource() override;

  RootedSource(const RootedSource&) = delete;
  RootedSource& operator=(const RootedSource&) = delete;

  Expected<std::unique_ptr<RandomAccessFile>> open_file(std::string_view path) const override;
  Expected<std::vector<DirectoryEntry>> list_directory(std::string_view path) const override;
  Expected<FileStatus> status(std::string_view path) const override;
  Expected<std::string> read_link(std::string_view path) const override;
  std::string description() const override;
  bool reads_concurrently() const override { return true; }

  const std::string& root() const { return root_; }

 private:
  class Lease;

  RootedSource(std::string root, UniqueFd root_fd, PathResolution resolution);
  std::string root_;
  UniqueFd root_fd_;  // each resolver opens the root again through it
  PathResolution resolution_;
  std::size_t max_resolvers_;  // what the descriptor limit allows; calls beyond wait for an idle one
  mutable std::mutex mutex_;   // guards idle_ and resolvers_
  mutable std::condition_variable resolver_idle_;
  mutable std::size_t resolvers_ = 0;  // made so far
  struct IdleResolver {
    std::unique_ptr<PathResolver> resolver;
    std::thread::id last_user;
  };
  // The resolvers no call is using. A call takes one (or makes one when none is idle) and puts
  // it back, so that there are as many as calls that ran at once, each with its open directories.
  mutable std::vector<IdleResolver> idle_;
};

}  // namespace nwaudit
