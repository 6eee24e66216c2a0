#pragma once

#include <string_view>
#include <vector>

#include "nwaudit/base/expected.h"
#include "nwaudit/source/source.h"

namespace nwaudit {

// Reads the entries of open directories, through one buffer kept for all of them.
class DirectoryReader {
 public:
  // The entries of the directory open as `fd`, sorted by name, without "." and "..", each with the
  // type its directory entry records (fstatat only where the file system records none). `fd` is
  // read from its start; `read_before` says it was read already and must be rewound first.
  // More than limits::kMaxDirectoryEntries entries is too_large. `path` is for errors.
  Expected<std::vector<DirectoryEntry>> read(int fd, bool read_before, std::string_view path);

 private:
  std::vector<char> buffer_;
};

}  // namespace nwaudit
