#include "nwaudit/bundle/bundle_archive.h"

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace nwaudit::bundle {
namespace {

struct ArchiveWriterFree {
  void operator()(struct archive* handle) const { archive_write_free(handle); }
};
struct EntryFree {
  void operator()(archive_entry* entry) const { archive_entry_free(entry); }
};

la_ssize_t append(struct archive*, void* bytes, const void* data, std::size_t length) {
  static_cast<std::string*>(bytes)->append(static_cast<const char*>(data), length);
  return static_cast<la_ssize_t>(length);
}

Error failure(struct archive* handle, const std::string& what) {
  const char* message = archive_error_string(handle);
  return Error{ErrorKind::io, "the bundle", what, message != nullptr ? message : "libarchive gave no reason"};
}

unsigned entry_type(FileType type) {
  switch (type) {
    case FileType::directory: return AE_IFDIR;
    case FileType::symlink: return AE_IFLNK;
    default: return AE_IFREG;
  }
}

Expected<void> write_member(struct archive* handle, const ArchiveMember& member, std::int64_t modified) {
  const std::unique_ptr<archive_entry, EntryFree> entry(archive_entry_new());
  archive_entry_set_pathname_utf8(entry.get(), member.name.c_str());
  archive_entry_set_filetype(entry.get(), entry_type(member.type));
  archive_entry_set_perm(entry.get(), member.type == FileType::regular ? 0644 : 0755);
  archive_entry_set_uid(entry.get(), 0);
  archive_entry_set_gid(entry.get(), 0);
  archive_entry_set_mtime(entry.get(), static_cast<time_t>(modified), 0);
  if (member.type == FileType::symlink) archive_entry_set_symlink_utf8(entry.get(), member.link_target.c_str());
  const bool regular = member.type == FileType::regular;
  archive_entry_set_size(entry.get(), regular ? static_cast<la_int64_t>(member.content.size()) : 0);
  if (archive_write_header(handle, entry.get()) != ARCHIVE_OK) return failure(handle, "entry " + member.name);
  if (regular && !member.content.empty()) {
    const la_ssize_t written = archive_write_data(handle, member.content.data(), member.content.size());
    if (written < 0 || static_cast<std::size_t>(written) != member.content.size()) {
      return failure(handle, "entry " + member.name);
    }
  }
  return {};
}

}  // namespace

Expected<std::string> write_archive(const std::vector<ArchiveMember>& members, Compression compression,
                                    std::int64_t modified_unix_seconds) {
  std::string bytes;
  const std::unique_ptr<struct archive, ArchiveWriterFree> handle(archive_write_new());
  if (archive_write_set_format_pax_restricted(handle.get()) != ARCHIVE_OK) return failure(handle.get(), "format");
  if (compression == Compression::gzip && archive_write_add_filter_gzip(handle.get()) != ARCHIVE_OK) {
    return failure(handle.get(), "gzip");
  }
  if (archive_write_open2(handle.get(), &bytes, nullptr, append, nullptr, nullptr) != ARCHIVE_OK) {
    return failure(handle.get(), "start");
  }
  for (const ArchiveMember& member : members) {
    if (auto written = write_member(handle.get(), member, modified_unix_seconds); !written) {
      return std::move(written).error();
    }
  }
  if (archive_write_close(handle.get()) != ARCHIVE_OK) return failure(handle.get(), "end");
  return bytes;
}

}  // namespace nwaudit::bundle
