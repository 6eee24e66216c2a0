#include "nwaudit/live/live_source.h"

#include <algorithm>

namespace nwaudit {
namespace {

constexpr std::string_view kCaptureDirectory = "/.nwaudit";
constexpr std::string_view kCapturePrefix = "/.nwaudit/";

bool is_capture_directory(std::string_view path) { return path == kCaptureDirectory || path == kCapturePrefix; }

Error error_of(ErrorKind kind, std::string_view path, std::string reason) {
  return Error{kind, std::string(path), {}, std::move(reason)};
}

// A capture's content, read at offsets like a file.
class MemoryFile final : public RandomAccessFile {
 public:
  MemoryFile(std::string content, std::string path) : content_(std::move(content)), path_(std::move(path)) {}

  std::uint64_t size() const override { return content_.size(); }
  const std::string& path() const override { return path_; }

  Expected<std::string> read_at(std::uint64_t offset, std::size_t length) const override {
    if (offset > content_.size() || length > content_.size() - offset) {
      return Error{ErrorKind::malformed, path_, "byte offset " + std::to_string(offset),
                   "reading " + std::to_string(length) + " bytes runs past the end of the " +
                       std::to_string(content_.size()) + "-byte capture"};
    }
    return content_.substr(static_cast<std::size_t>(offset), length);
  }

 private:
  std::string content_;
  std::string path_;
};

}  // namespace

LiveSource::LiveSource(std::unique_ptr<Source> files, std::vector<LiveCapture> captures, std::string description)
    : files_(std::move(files)), captures_(std::move(captures)), description_(std::move(description)) {}

const LiveCapture* LiveSource::capture_named(std::string_view path) const {
  if (!path.starts_with(kCapturePrefix)) return nullptr;
  const std::string_view name = path.substr(kCapturePrefix.size());
  const auto found = std::find_if(captures_.begin(), captures_.end(),
                                  [&](const LiveCapture& capture) { return capture.name == name; });
  return found == captures_.end() ? nullptr : &*found;
}

// Entries of made_ are never removed, so the reference stays valid after the lock is released.
const Expected<std::string>& LiveSource::content_of(const LiveCapture& capture) const {
  std::lock_guard lock(mutex_);
  auto found = made_.find(capture.name);
  if (found == made_.end()) found = made_.emplace(capture.name, capture.produce()).first;
  return found->second;
}

Expected<std::unique_ptr<RandomAccessFile>> LiveSource::open_file(std::string_view path) const {
  if (const LiveCapture* capture = capture_named(path)) {
    const Expected<std::string>& content = content_of(*capture);
    if (!content) return content.error();
    return std::unique_ptr<RandomAccessFile>(new MemoryFile(*content, std::string(path)));
  }
  if (is_capture_directory(path)) return error_of(ErrorKind::wrong_type, path, "is a directory");
  return files_->open_file(path);
}

Expected<std::vector<DirectoryEntry>> LiveSource::list_directory(std::string_view path) const {
  if (!is_capture_directory(path)) return files_->list_directory(path);
  std::vector<DirectoryEntry> entries;
  for (const LiveCapture& capture : captures_) entries.push_back({capture.name, FileType::regular});
  std::sort(entries.begin(), entries.end(),
            [](const DirectoryEntry& a, const DirectoryEntry& b) { return a.name < b.name; });
  return entries;
}

Expected<FileStatus> LiveSource::status(std::string_view path) const {
  if (const LiveCapture* capture = capture_named(path)) {
    const Expected<std::string>& content = content_of(*capture);
    if (!content) return content.error();
    return FileStatus{FileType::regular, content->size(), 0444, 0};
  }
  if (is_capture_directory(path)) return FileStatus{FileType::directory, 0, 0555, 0};
  return files_->status(path);
}

Expected<std::string> LiveSource::read_link(std::string_view path) const {
  if (capture_named(path) != nullptr || is_capture_directory(path)) {
    return error_of(ErrorKind::wrong_type, path, "is not a symbolic link");
  }
  return files_->read_link(path);
}

std::string LiveSource::description() const { return description_; }

}  // namespace nwaudit
