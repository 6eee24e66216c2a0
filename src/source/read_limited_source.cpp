#include "nwaudit/source/read_limited_source.h"

#include "nwaudit/base/atomic_budget.h"

namespace nwaudit {
namespace {

class ReadLimitedFile final : public RandomAccessFile {
 public:
  ReadLimitedFile(std::unique_ptr<RandomAccessFile> inner, std::shared_ptr<std::atomic<std::uint64_t>> remaining,
                  std::uint64_t max_bytes)
      : inner_(std::move(inner)), remaining_(std::move(remaining)), max_bytes_(max_bytes) {}

  std::uint64_t size() const override { return inner_->size(); }
  const std::string& path() const override { return inner_->path(); }

  Expected<std::string> read_at(std::uint64_t offset, std::size_t length) const override {
    if (!take_from(*remaining_, static_cast<std::uint64_t>(length))) {
      return Error{ErrorKind::too_large, inner_->path(), {},
                   "not read: reading " + std::to_string(length) + " more bytes would pass the limit of " +
                       std::to_string(max_bytes_) + " bytes read from one Mac in one audit"};
    }
    auto bytes = inner_->read_at(offset, length);
    if (!bytes) *remaining_ += length;  // not spent after all
    return bytes;
  }

 private:
  std::unique_ptr<RandomAccessFile> inner_;
  std::shared_ptr<std::atomic<std::uint64_t>> remaining_;
  std::uint64_t max_bytes_;
};

}  // namespace

ReadLimitedSource::ReadLimitedSource(const Source& inner, std::uint64_t max_bytes)
    : inner_(inner), max_bytes_(max_bytes), remaining_(std::make_shared<std::atomic<std::uint64_t>>(max_bytes)) {}

Expected<std::unique_ptr<RandomAccessFile>> ReadLimitedSource::open_file(std::string_view path) const {
  auto file = inner_.open_file(path);
  if (!file) return std::move(file).error();
  return std::unique_ptr<RandomAccessFile>(new ReadLimitedFile(std::move(*file), remaining_, max_bytes_));
}

Expected<std::vector<DirectoryEntry>> ReadLimitedSource::list_directory(std::string_view path) const {
  return inner_.list_directory(path);
}

Expected<FileStatus> ReadLimitedSource::status(std::string_view path) const { return inner_.status(path); }

Expected<std::string> ReadLimitedSource::read_link(std::string_view path) const { return inner_.read_link(path); }

std::string ReadLimitedSource::description() const { return inner_.description(); }

}  // namespace nwaudit
