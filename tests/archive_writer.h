#pragma once

#include <archive.h>
#include <archive_entry.h>

#include <stdexcept>
#include <string>

namespace nwaudit::test {

// An archive written in memory with libarchive, entry by entry as a test lists them: hostile
// names, devices, duplicates and links included, since the writer checks none of them.
class ArchiveWriter {
 public:
  enum class Format { tar, tar_gz, zip };

  explicit ArchiveWriter(Format format = Format::tar) : handle_(archive_write_new()) {
    const int set = format == Format::zip ? archive_write_set_format_zip(handle_)
                                          : archive_write_set_format_pax_restricted(handle_);
    if (set != ARCHIVE_OK) fail("format");
    if (format == Format::tar_gz && archive_write_add_filter_gzip(handle_) != ARCHIVE_OK) fail("gzip");
    if (archive_write_open2(handle_, &bytes_, nullptr, append, nullptr, nullptr) != ARCHIVE_OK) fail("open");
  }
  ~ArchiveWriter() { archive_write_free(handle_); }
  ArchiveWriter(const ArchiveWriter&) = delete;
  ArchiveWriter& operator=(const ArchiveWriter&) = delete;

  ArchiveWriter& file(const std::string& name, const std::string& content, unsigned mode = 0644) {
    return entry(name, AE_IFREG, mode, content, [](archive_entry*) {});
  }
  ArchiveWriter& folder(const std::string& name) { return entry(name, AE_IFDIR, 0755, "", [](archive_entry*) {}); }
  ArchiveWriter& symlink(const std::string& name, const std::string& target) {
    return entry(name, AE_IFLNK, 0755, "", [&](archive_entry* e) { archive_entry_set_symlink(e, target.c_str()); });
  }
  ArchiveWriter& hardlink(const std::string& name, const std::string& target) {
    return entry(name, AE_IFREG, 0644, "", [&](archive_entry* e) { archive_entry_set_hardlink(e, target.c_str()); });
  }
  // A device, FIFO or socket: AE_IFCHR, AE_IFBLK, AE_IFIFO, AE_IFSOCK.
  ArchiveWriter& special(const std::string& name, unsigned type) {
    return entry(name, type, 0644, "", [](archive_entry*) {});
  }

  // The archive, finished.
  std::string bytes() {
    if (archive_write_close(handle_) != ARCHIVE_OK) fail("close");
    return bytes_;
  }

 private:
  static la_ssize_t append(struct archive*, void* bytes, const void* data, std::size_t length) {
    static_cast<std::string*>(bytes)->append(static_cast<const char*>(data), length);
    return static_cast<la_ssize_t>(length);
  }
  [[noreturn]] void fail(const char* what) {
    const char* message = archive_error_string(handle_);
    throw std::runtime_error(std::string("ArchiveWriter ") + what + ": " + (message != nullptr ? message : "?"));
  }
  template <typename Extra>
  ArchiveWriter& entry(const std::string& name, unsigned type, unsigned mode, const std::string& content, Extra extra) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_filetype(e, type);
    archive_entry_set_perm(e, static_cast<__LA_MODE_T>(mode));
    archive_entry_set_size(e, static_cast<la_int64_t>(content.size()));
    archive_entry_set_mtime(e, 1700000000, 0);
    extra(e);
    const int written = archive_write_header(handle_, e);
    archive_entry_free(e);
    if (written != ARCHIVE_OK) fail("header");
    if (!content.empty() && archive_write_data(handle_, content.data(), content.size()) < 0) fail("data");
    return *this;
  }

  struct archive* handle_;
  std::string bytes_;
};

}  // namespace nwaudit::test
