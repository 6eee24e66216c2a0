#include "nwaudit/bundle/bundle_archive.h"

#include <memory>

#include "nwaudit/source/libarchive_api.h"

namespace nwaudit::bundle {
namespace {

constexpr char kBundle[] = "the bundle";

la_ssize_t append(struct archive*, void* bytes, const void* data, std::size_t length) {
  static_cast<std::string*>(bytes)->append(static_cast<const char*>(data), length);
  return static_cast<la_ssize_t>(length);
}

Error failure(const LibArchiveApi& api, struct archive* handle, const std::string& what) {
  const char* message = api.archive_error_string(handle);
  return Error{ErrorKind::io, kBundle, what, message != nullptr ? message : "libarchive gave no reason"};
}

unsigned entry_type(FileType type) {
  switch (type) {
    case FileType::directory: return AE_IFDIR;
    case FileType::symlink: return AE_IFLNK;
    default: return AE_IFREG;
  }
}

Expected<void> write_member(const LibArchiveApi& api, struct archive* handle, const ArchiveMember& member,
                            std::int64_t modified) {
  const std::unique_ptr<archive_entry, decltype(api.archive_entry_free)> entry(api.archive_entry_new(),
                                                                                api.archive_entry_free);
  api.archive_entry_set_pathname_utf8(entry.get(), member.name.c_str());
  api.archive_entry_set_filetype(entry.get(), entry_type(member.type));
  api.archive_entry_set_perm(entry.get(), member.type == FileType::regular ? 0644 : 0755);
  api.archive_entry_set_uid(entry.get(), 0);
  api.archive_entry_set_gid(entry.get(), 0);
  api.archive_entry_set_mtime(entry.get(), static_cast<time_t>(modified), 0);
  if (member.type == FileType::symlink) api.archive_entry_set_symlink_utf8(entry.get(), member.link_target.c_str());
  const bool regular = member.type == FileType::regular;
  api.archive_entry_set_size(entry.get(), regular ? static_cast<la_int64_t>(member.content.size()) : 0);
  if (api.archive_write_header(handle, entry.get()) != ARCHIVE_OK) return failure(api, handle, "entry " + member.name);
  if (regular && !member.content.empty()) {
    const la_ssize_t written = api.archive_write_data(handle, member.content.data(), member.content.size());
    if (written < 0 || static_cast<std::size_t>(written) != member.content.size()) {
      return failure(api, handle, "entry " + member.name);
    }
  }
  return {};
}

}  // namespace

Expected<std::string> write_archive(const std::vector<ArchiveMember>& members, Compression compression,
                                    std::int64_t modified_unix_seconds) {
  auto loaded = libarchive_api(kBundle);
  if (!loaded) return std::move(loaded).error();
  const LibArchiveApi& api = **loaded;
  std::string bytes;
  const std::unique_ptr<struct archive, decltype(api.archive_write_free)> handle(api.archive_write_new(),
                                                                                 api.archive_write_free);
  if (api.archive_write_set_format_pax_restricted(handle.get()) != ARCHIVE_OK) {
    return failure(api, handle.get(), "format");
  }
  if (compression == Compression::gzip && api.archive_write_add_filter_gzip(handle.get()) != ARCHIVE_OK) {
    return failure(api, handle.get(), "gzip");
  }
  if (api.archive_write_open2(handle.get(), &bytes, nullptr, append, nullptr, nullptr) != ARCHIVE_OK) {
    return failure(api, handle.get(), "start");
  }
  for (const ArchiveMember& member : members) {
    if (auto written = write_member(api, handle.get(), member, modified_unix_seconds); !written) {
      return std::move(written).error();
    }
  }
  if (api.archive_write_close(handle.get()) != ARCHIVE_OK) return failure(api, handle.get(), "end");
  return bytes;
}

}  // namespace nwaudit::bundle
