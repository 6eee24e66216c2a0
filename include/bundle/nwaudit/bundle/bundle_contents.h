#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "nwaudit/base/limits.h"
#include "nwaudit/bundle/recording_source.h"
#include "nwaudit/facts/read_errors.h"
#include "nwaudit/redact/redactor.h"
#include "nwaudit/source/source.h"

namespace nwaudit::bundle {

// One entry of a bundle's copy of the Mac, at its Mac path (redacted when the bundle is).
struct BundleMember {
  std::string path;                   // "/Library/Preferences/com.apple.alf.plist"
  FileType type = FileType::regular;  // regular, directory or symlink
  std::string content;                // a regular file's bytes
  std::string link_target;            // a symlink's target, as stored
  // A file or link kept only for its name and type, which a collector saw in a folder's
  // listing or asked the type of, without reading it: it is empty.
  bool name_only = false;
};

// The copy of what the collectors read on a Mac: the snapshot a bundle holds.
struct BundleContents {
  std::vector<BundleMember> members;  // sorted by path, each folder before what it holds
  std::vector<ReadError> read_errors; // what could not be read, and why; also in /.nwaudit/read-errors.plist
  std::uint64_t content_bytes = 0;    // of the regular files, together
};

// A bundle must be an archive nwaudit reads back (nwaudit(1), LIMITS), so these are the
// bounds of an archive: files together, one file (a larger one is not taken, and is a
// read error), and entries.
struct ContentsLimits {
  std::uint64_t max_total_bytes = limits::kMaxArchiveBytes;
  std::uint64_t max_file_bytes = limits::kMaxArchiveEntryBytes;
  std::size_t max_members = limits::kMaxArchiveEntries;
};

// Copies what `accesses` (made through a RecordingSource over `mac`) show the collectors
// read: each file opened, whole; each folder listed, with every entry it showed (those
// not read kept as empty files, folders or links of the same name); each path whose type was
// asked. A path that was missing stays missing; any other failure, and the failures in
// `unasked`, are read errors, kept in the copy's /.nwaudit/read-errors.plist so that an audit
// of the copy meets them again. With a redactor, every file goes through Redactor::file and
// every path and reason through it too. `copied(done, total)` hears about each file copied.
// Fails, too_large, when the copy would be over `limits`.
Expected<BundleContents> copy_what_was_read(const Source& mac, const std::vector<SourceAccess>& accesses,
                                            const std::vector<ReadError>& unasked, redact::Redactor* redactor,
                                            const ContentsLimits& limits = {},
                                            const std::function<void(std::size_t done, std::size_t total)>& copied = {});

}  // namespace nwaudit::bundle
