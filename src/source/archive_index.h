#pragma once

#include <vector>

#include "archive_reader.h"
#include "archive_tree.h"
#include "nwaudit/base/error.h"
#include "nwaudit/base/expected.h"

namespace nwaudit::archive {

// What one pass over an archive found.
struct ArchiveIndex {
  ArchiveTree tree;            // its top already the folder that stands for the Mac's "/"
  std::vector<Error> refused;  // ArchiveSource::refused()
  bool read_to_end = true;     // when false, refused.back() says why the reading stopped
};

// Reads every entry the reader gives into a tree, refusing what nwaudit will not read; the
// Error when not even the first entry can be read (it is not an archive).
Expected<ArchiveIndex> index_archive(ArchiveReader& reader, const ArchiveLimits& limits);

}  // namespace nwaudit::archive
