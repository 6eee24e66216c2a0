#pragma once

#include <memory>
#include <string>

#include "nwaudit/source/source.h"

namespace nwaudit {

// A Source over a directory that stands for the Mac's "/": the live system when the
// directory is "/", a snapshot or fixture tree otherwise.
//
// Every path is resolved one component at a time inside the root, as if the process
// were chrooted there: ".." stops at the root, an absolute link target starts again
// at the root, and more than limits::kMaxSymlinks links is a link_loop error. Files
// are opened read-only without following a final link and without blocking, and only
// regular files are read, so FIFOs and devices placed in the tree are refused. Where the
// system allows (Linux's O_NOATIME, as the files' owner), reading leaves access times alone.
class RootedSource final : public Source {
 public:
  // Fails when root is not a directory that can be opened.
  static Expected<std::unique_ptr<RootedSource>> open(const std::string& root);
  ~RootedSource() override;

  RootedSource(const RootedSource&) = delete;
  RootedSource& operator=(const RootedSource&) = delete;

  Expected<std::unique_ptr<RandomAccessFile>> open_file(std::string_view path) const override;
  Expected<std::vector<DirectoryEntry>> list_directory(std::string_view path) const override;
  Expected<FileStatus> status(std::string_view path) const override;
  Expected<std::string> read_link(std::string_view path) const override;
  std::string description() const override;

  const std::string& root() const { return root_; }

 private:
  RootedSource(std::string root, int root_fd);
  std::string root_;
  int root_fd_;
};

}  // namespace nwaudit
