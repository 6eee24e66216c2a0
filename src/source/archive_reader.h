#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "nwaudit/base/expected.h"
#include "nwaudit/source/archive_source.h"
#include "nwaudit/source/libarchive_api.h"

namespace nwaudit::archive {

// One pass over an archive's entries with libarchive (tar, zip; gzip-compressed or not),
// within ArchiveLimits: the entries, the bytes it expands to, and that expansion against its
// own size. Past a bound, or when the archive is damaged, it stops: the Error says why, and
// stopped() is true.
class ArchiveReader {
 public:
  static Expected<std::unique_ptr<ArchiveReader>> open_file(const std::string& path, const ArchiveLimits& limits);
  static Expected<std::unique_ptr<ArchiveReader>> open_memory(std::string bytes, const std::string& name,
                                                              const ArchiveLimits& limits);
  ~ArchiveReader();
  ArchiveReader(const ArchiveReader&) = delete;
  ArchiveReader& operator=(const ArchiveReader&) = delete;

  // The next entry's header, or nullptr after the last. Before the first, an Error means
  // the file is not an archive nwaudit reads.
  Expected<archive_entry*> next();
  // The current entry's data. Over `max_bytes` it is too_large, and the rest of it is skipped.
  Expected<std::string> read_data(std::uint64_t max_bytes);
  // Reads past the rest of the current entry's data.
  Expected<void> skip_data();

  bool stopped() const { return stopped_; }
  std::size_t entries() const { return entries_; }
  const std::string& name() const { return name_; }
  // libarchive's functions, for reading the entries next() gives.
  const LibArchiveApi& api() const { return api_; }

 private:
  ArchiveReader(const LibArchiveApi& api, struct archive* handle, std::string name, std::uint64_t size,
                const ArchiveLimits& limits);
  // Adds `length` bytes of data to the count; the Error when the bounds are passed.
  Expected<void> expand(std::uint64_t length);
  Error stop(ErrorKind kind, std::string reason);
  // Reads data into `into` (when not null) until the entry ends or `max_bytes` is passed.
  Expected<std::uint64_t> pump(std::string* into, std::uint64_t max_bytes);

  const LibArchiveApi& api_;
  struct archive* handle_;
  std::string name_;
  std::string bytes_;  // the archive itself, when read from memory
  std::uint64_t size_;
  ArchiveLimits limits_;
  std::uint64_t data_bytes_ = 0;
  std::size_t entries_ = 0;
  bool stopped_ = false;
};

}  // namespace nwaudit::archive
