#include "archive_reader.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>

namespace nwaudit::archive {
namespace {

constexpr std::size_t kBlockBytes = 64u << 10;

// The errno of libarchive's "unrecognized format" (its ARCHIVE_ERRNO_FILE_FORMAT, private).
#ifdef EFTYPE
constexpr int kUnrecognizedFormat = EFTYPE;
#else
constexpr int kUnrecognizedFormat = EILSEQ;
#endif

std::string message_of(const LibArchiveApi& api, struct archive* handle) {
  const char* message = api.archive_error_string(handle);
  return message != nullptr ? message : "unknown error";
}

// A handle that reads only what --root accepts, and decompresses gzip with zlib, never
// through an external program.
Expected<struct archive*> new_handle(const LibArchiveApi& api, const std::string& name) {
  struct archive* handle = api.archive_read_new();
  if (handle == nullptr) return Error{ErrorKind::io, name, {}, "libarchive could not start"};
  if (api.archive_read_support_format_tar(handle) != ARCHIVE_OK ||
      api.archive_read_support_format_zip(handle) != ARCHIVE_OK ||
      api.archive_read_support_filter_gzip(handle) != ARCHIVE_OK) {
    Error error{ErrorKind::io, name, {},
                "this libarchive cannot read tar, zip and gzip itself: " + message_of(api, handle)};
    api.archive_read_free(handle);
    return error;
  }
  return handle;
}

Error not_an_archive(const LibArchiveApi& api, struct archive* handle, const std::string& name) {
  return Error{ErrorKind::malformed, name, {},
               "not an archive nwaudit reads (a .tar, .tar.gz, .tgz or .zip): " + message_of(api, handle)};
}

Error open_error(const LibArchiveApi& api, struct archive* handle, const std::string& name) {
  const int number = api.archive_errno(handle);
  if (number == kUnrecognizedFormat) return not_an_archive(api, handle, name);
  ErrorKind kind = ErrorKind::io;
  if (number == ENOENT) kind = ErrorKind::not_found;
  if (number == EACCES || number == EPERM) kind = ErrorKind::permission_denied;
  return Error{kind, name, {}, "cannot open the archive: " + message_of(api, handle)};
}

}  // namespace

ArchiveReader::ArchiveReader(const LibArchiveApi& api, struct archive* handle, std::string name, std::uint64_t size,
                             const ArchiveLimits& limits)
    : api_(api), handle_(handle), name_(std::move(name)), size_(size), limits_(limits) {}

ArchiveReader::~ArchiveReader() { api_.archive_read_free(handle_); }

Expected<std::unique_ptr<ArchiveReader>> ArchiveReader::open_file(const std::string& path, const ArchiveLimits& limits) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    const int number = errno;
    return Error{number == ENOENT ? ErrorKind::not_found : ErrorKind::io, path, {},
                 std::string("cannot open the archive: ") + std::strerror(number)};
  }
  auto api = libarchive_api(path);
  if (!api) return std::move(api).error();
  auto handle = new_handle(**api, path);
  if (!handle) return std::move(handle).error();
  std::unique_ptr<ArchiveReader> reader(
      new ArchiveReader(**api, *handle, path, static_cast<std::uint64_t>(info.st_size), limits));
  if ((*api)->archive_read_open_filename(*handle, path.c_str(), kBlockBytes) != ARCHIVE_OK) {
    return open_error(**api, *handle, path);
  }
  return reader;
}

Expected<std::unique_ptr<ArchiveReader>> ArchiveReader::open_memory(std::string bytes, const std::string& name,
                                                                    const ArchiveLimits& limits) {
  auto api = libarchive_api(name);
  if (!api) return std::move(api).error();
  auto handle = new_handle(**api, name);
  if (!handle) return std::move(handle).error();
  std::unique_ptr<ArchiveReader> reader(new ArchiveReader(**api, *handle, name, bytes.size(), limits));
  reader->bytes_ = std::move(bytes);
  if ((*api)->archive_read_open_memory(*handle, reader->bytes_.data(), reader->bytes_.size()) != ARCHIVE_OK) {
    return open_error(**api, *handle, name);
  }
  return reader;
}

Error ArchiveReader::stop(ErrorKind kind, std::string reason) {
  stopped_ = true;
  return Error{kind, name_, {}, std::move(reason)};
}

Expected<void> ArchiveReader::expand(std::uint64_t length) {
  data_bytes_ += length;
  const la_int64_t stream = api_.archive_filter_bytes(handle_, 0);
  const std::uint64_t expanded = std::max(data_bytes_, stream > 0 ? static_cast<std::uint64_t>(stream) : 0);
  if (expanded > limits_.max_total_bytes) {
    return stop(ErrorKind::too_large, "the archive expands to more than " + std::to_string(limits_.max_total_bytes) +
                                          " bytes, the limit for one archive");
  }
  const std::uint64_t ratio = limits_.max_compression_ratio;
  const bool over_ratio = size_ <= std::numeric_limits<std::uint64_t>::max() / ratio && expanded > size_ * ratio;
  if (expanded > limits_.ratio_exempt_bytes && over_ratio) {
    return stop(ErrorKind::too_large, "the archive expands to more than " + std::to_string(ratio) + " times its " +
                                          std::to_string(size_) + " bytes, the limit of compression for one archive");
  }
  return {};
}

Expected<archive_entry*> ArchiveReader::next() {
  archive_entry* entry = nullptr;
  const int result = api_.archive_read_next_header(handle_, &entry);
  if (result == ARCHIVE_EOF) return nullptr;
  if (result != ARCHIVE_OK && result != ARCHIVE_WARN) {
    if (entries_ == 0) return not_an_archive(api_, handle_, name_);
    return stop(ErrorKind::malformed, "the archive cannot be read on: " + message_of(api_, handle_));
  }
  if (entries_ == limits_.max_entries) {
    return stop(ErrorKind::too_large,
                "the archive has more than " + std::to_string(limits_.max_entries) + " entries, the limit for one archive");
  }
  ++entries_;
  if (auto bounded = expand(0); !bounded) return std::move(bounded).error();
  return entry;
}

Expected<std::uint64_t> ArchiveReader::pump(std::string* into, std::uint64_t max_bytes) {
  std::string block(kBlockBytes, '\0');
  std::uint64_t total = 0;
  for (;;) {
    const la_ssize_t count = api_.archive_read_data(handle_, block.data(), block.size());
    if (count == 0) return total;
    if (count < 0) {
      if (count == ARCHIVE_FATAL) {
        return stop(ErrorKind::malformed, "the archive cannot be read on: " + message_of(api_, handle_));
      }
      return Error{ErrorKind::malformed, name_, {}, "it could not be read: " + message_of(api_, handle_)};
    }
    const auto length = static_cast<std::uint64_t>(count);
    if (auto bounded = expand(length); !bounded) return std::move(bounded).error();
    total += length;
    if (total > max_bytes) return total;
    if (into != nullptr) into->append(block.data(), static_cast<std::size_t>(length));
  }
}

Expected<std::string> ArchiveReader::read_data(std::uint64_t max_bytes) {
  std::string content;
  auto read = pump(&content, max_bytes);
  if (!read) return std::move(read).error();
  if (*read <= max_bytes) return content;
  content = {};
  if (auto skipped = skip_data(); !skipped) return std::move(skipped).error();
  return Error{ErrorKind::too_large, name_, {},
               "it is over the limit of " + std::to_string(max_bytes) + " bytes for one entry"};
}

Expected<void> ArchiveReader::skip_data() {
  auto read = pump(nullptr, std::numeric_limits<std::uint64_t>::max());
  if (!read) return std::move(read).error();
  return {};
}

}  // namespace nwaudit::archive
