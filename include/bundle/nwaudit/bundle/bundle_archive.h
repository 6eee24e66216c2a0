#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "nwaudit/base/expected.h"
#include "nwaudit/source/source.h"

namespace nwaudit::bundle {

// One entry of an archive to write, by its name in the archive ("nwaudit-20250101-120000/Library").
struct ArchiveMember {
  std::string name;
  FileType type = FileType::regular;  // regular, directory or symlink
  std::string content;
  std::string link_target;
};

enum class Compression { none, gzip };

// The members as a POSIX (pax) tar, gzip-compressed or not, held in memory. Every entry is
// owned by uid and gid 0 with no owner or group name (they would name the user) and dated
// `modified_unix_seconds`; files are 0644, folders and links 0755.
Expected<std::string> write_archive(const std::vector<ArchiveMember>& members, Compression compression,
                                    std::int64_t modified_unix_seconds);

}  // namespace nwaudit::bundle
