#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "nwaudit/source/source.h"

namespace nwaudit {

// One snapshot capture (a file of /.nwaudit/, nwaudit-facts(5)) made on demand on the live Mac.
struct LiveCapture {
  std::string name;                                // "sysctl.txt"
  std::function<Expected<std::string>()> produce;  // its content, or why it could not be made
};

// The running Mac as a Source: files come from `files` (the real file system), and the
// snapshot's /.nwaudit/ captures are made by live calls, each once, when first read. The
// collectors thus read a live Mac and a saved snapshot the same way.
class LiveSource : public Source {
 public:
  LiveSource(std::unique_ptr<Source> files, std::vector<LiveCapture> captures, std::string description);

  Expected<std::unique_ptr<RandomAccessFile>> open_file(std::string_view path) const override;
  Expected<std::vector<DirectoryEntry>> list_directory(std::string_view path) const override;
  Expected<FileStatus> status(std::string_view path) const override;
  Expected<std::string> read_link(std::string_view path) const override;
  std::string description() const override;
  bool reads_concurrently() const override { return files_->reads_concurrently(); }

 private:
  const LiveCapture* capture_named(std::string_view path) const;
  const Expected<std::string>& content_of(const LiveCapture& capture) const;

  std::unique_ptr<Source> files_;
  std::vector<LiveCapture> captures_;
  std::string description_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, Expected<std::string>, std::less<>> made_;
};

#ifdef __APPLE__
// The captures of the running Mac: sysctls, net.api_stats, the loaded kexts (IOKit) and the
// commands no API replaces (run with a timeout). Declared on Apple platforms only, where it is
// built, so that a call elsewhere fails to compile rather than to link.
std::vector<LiveCapture> macos_live_captures();
#endif

}  // namespace nwaudit
