#pragma once

#include <archive.h>
#include <archive_entry.h>

#include <string>

#include "nwaudit/base/expected.h"

// Every libarchive function nwaudit calls, listed once: X(name) for each.
#define NWAUDIT_LIBARCHIVE_FUNCTIONS(X)      \
  X(archive_errno)                           \
  X(archive_error_string)                    \
  X(archive_filter_bytes)                    \
  X(archive_read_new)                        \
  X(archive_read_support_format_tar)         \
  X(archive_read_support_format_zip)         \
  X(archive_read_support_filter_gzip)        \
  X(archive_read_open_filename)              \
  X(archive_read_open_memory)                \
  X(archive_read_next_header)                \
  X(archive_read_data)                       \
  X(archive_read_free)                       \
  X(archive_write_new)                       \
  X(archive_write_set_format_pax_restricted) \
  X(archive_write_add_filter_gzip)           \
  X(archive_write_open2)                     \
  X(archive_write_header)                    \
  X(archive_write_data)                      \
  X(archive_write_close)                     \
  X(archive_write_free)                      \
  X(archive_entry_new)                       \
  X(archive_entry_free)                      \
  X(archive_entry_pathname)                  \
  X(archive_entry_pathname_utf8)             \
  X(archive_entry_symlink)                   \
  X(archive_entry_symlink_utf8)              \
  X(archive_entry_hardlink)                  \
  X(archive_entry_hardlink_utf8)             \
  X(archive_entry_filetype)                  \
  X(archive_entry_perm)                      \
  X(archive_entry_mtime)                     \
  X(archive_entry_size)                      \
  X(archive_entry_size_is_set)               \
  X(archive_entry_set_pathname_utf8)         \
  X(archive_entry_set_symlink_utf8)          \
  X(archive_entry_set_filetype)              \
  X(archive_entry_set_perm)                  \
  X(archive_entry_set_uid)                   \
  X(archive_entry_set_gid)                   \
  X(archive_entry_set_mtime)                 \
  X(archive_entry_set_size)

namespace nwaudit {

// libarchive's functions, each a pointer of the type its declaration in archive.h or
// archive_entry.h gives it, called by the same name: api.archive_read_new().
struct LibArchiveApi {
#define NWAUDIT_LIBARCHIVE_POINTER(name) decltype(&::name) name = nullptr;
  NWAUDIT_LIBARCHIVE_FUNCTIONS(NWAUDIT_LIBARCHIVE_POINTER)
#undef NWAUDIT_LIBARCHIVE_POINTER
};

// libarchive, for reading or writing `file`. A normal build loads the shared library the
// build linked against (dlopen) on the first call, so that a run that reads no archive never
// loads it nor what it needs (ICU, libxml2, the compressors); a standalone build calls the
// copy linked into it. When it cannot be loaded, the Error is about `file` and gives the
// loader's reason.
Expected<const LibArchiveApi*> libarchive_api(const std::string& file);

}  // namespace nwaudit
