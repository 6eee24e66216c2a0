#include "nwaudit/bundle/recording_source.h"

namespace nwaudit::bundle {
namespace {

template <class T>
std::optional<Error> error_of(const Expected<T>& answer) {
  if (answer) return std::nullopt;
  return answer.error();
}

}  // namespace

RecordingSource::RecordingSource(const Source& inner, std::function<void(std::string_view path)> before_call)
    : inner_(inner), before_call_(std::move(before_call)) {}

void RecordingSource::keep(SourceAccess access) const {
  std::lock_guard lock(mutex_);
  accesses_.push_back(std::move(access));
}

Expected<std::unique_ptr<RandomAccessFile>> RecordingSource::open_file(std::string_view path) const {
  if (before_call_) before_call_(path);
  auto file = inner_.open_file(path);
  keep({SourceCall::open_file, std::string(path), error_of(file), FileType::regular, {}});
  return file;
}

Expected<std::vector<DirectoryEntry>> RecordingSource::list_directory(std::string_view path) const {
  if (before_call_) before_call_(path);
  auto entries = inner_.list_directory(path);
  keep({SourceCall::list_directory, std::string(path), error_of(entries), FileType::directory,
        entries ? *entries : std::vector<DirectoryEntry>{}});
  return entries;
}

Expected<FileStatus> RecordingSource::status(std::string_view path) const {
  if (before_call_) before_call_(path);
  auto status = inner_.status(path);
  keep({SourceCall::status, std::string(path), error_of(status), status ? status->type : FileType::other, {}});
  return status;
}

Expected<std::string> RecordingSource::read_link(std::string_view path) const {
  if (before_call_) before_call_(path);
  auto target = inner_.read_link(path);
  keep({SourceCall::read_link, std::string(path), error_of(target), FileType::symlink, {}});
  return target;
}

std::string RecordingSource::description() const { return inner_.description(); }

std::vector<SourceAccess> RecordingSource::accesses() const {
  std::lock_guard lock(mutex_);
  return accesses_;
}

}  // namespace nwaudit::bundle
