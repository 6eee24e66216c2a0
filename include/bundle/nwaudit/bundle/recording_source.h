#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nwaudit/facts/read_errors.h"
#include "nwaudit/source/source.h"

namespace nwaudit::bundle {

// One call made through a RecordingSource, and what it answered.
struct SourceAccess {
  SourceCall call = SourceCall::open_file;
  std::string path;
  std::optional<Error> error;           // the call failed
  FileType type = FileType::other;      // status: what the path names
  std::vector<DirectoryEntry> entries;  // list_directory: the folder's entries
};

// A Source that passes every call to another and keeps a list of the calls and their answers:
// what the collectors read of a Mac, and what they could not.
class RecordingSource final : public Source {
 public:
  // `before_call`, when given, hears each path before it is asked for (progress).
  explicit RecordingSource(const Source& inner, std::function<void(std::string_view path)> before_call = {});

  Expected<std::unique_ptr<RandomAccessFile>> open_file(std::string_view path) const override;
  Expected<std::vector<DirectoryEntry>> list_directory(std::string_view path) const override;
  Expected<FileStatus> status(std::string_view path) const override;
  Expected<std::string> read_link(std::string_view path) const override;
  std::string description() const override;

  // The calls so far, in the order they were made.
  std::vector<SourceAccess> accesses() const;

 private:
  void keep(SourceAccess access) const;

  const Source& inner_;
  std::function<void(std::string_view)> before_call_;
  mutable std::mutex mutex_;
  mutable std::vector<SourceAccess> accesses_;
};

}  // namespace nwaudit::bundle
