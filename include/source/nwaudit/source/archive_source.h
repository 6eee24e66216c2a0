#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "nwaudit/base/limits.h"
#include "nwaudit/source/source.h"

namespace nwaudit {

// The bounds an archive is read within (nwaudit(1), LIMITS); tests pass smaller ones.
struct ArchiveLimits {
  std::size_t max_entries = limits::kMaxArchiveEntries;
  std::uint64_t max_entry_bytes = limits::kMaxArchiveEntryBytes;
  std::uint64_t max_total_bytes = limits::kMaxArchiveBytes;
  std::uint64_t max_compression_ratio = limits::kMaxArchiveCompressionRatio;
  std::uint64_t ratio_exempt_bytes = limits::kArchiveRatioExemptBytes;
};

namespace archive {
struct ArchiveIndex;
}

// A Source over a .tar, .tar.gz (.tgz) or .zip that holds a Mac's tree, read in place with
// libarchive and never extracted: its entries are indexed, and the files' contents held in
// memory, in one pass when it is opened. When every entry sits in one folder (not one of a
// Mac's own, such as Library), that folder stands for the Mac's "/".
//
// Paths resolve as in RootedSource, as if chrooted in the archive: ".." stops at the top,
// an absolute link target starts again there, more than limits::kMaxSymlinks links is a
// link_loop error. Entries nwaudit will not read are refused, each for its reason: a name
// that is absolute or climbs out with "..", a device, FIFO or socket, a second entry of one
// name, a hard link to anything but a file earlier in the archive, and an entry over a bound.
// Asking for a refused entry's path gives an Error naming the entry, and refused() lists
// them all. Past a bound that stops the reading (entries, total bytes, compression ratio,
// a damaged archive), the entries read so far are kept, and a path among the rest is an
// Error saying why it was not read rather than not_found.
class ArchiveSource final : public Source {
 public:
  // Fails when the file cannot be read or is not an archive of a format nwaudit reads.
  static Expected<std::unique_ptr<ArchiveSource>> open(const std::string& archive_path, const ArchiveLimits& limits = {});
  // An archive held in memory; `name` stands for its file in descriptions and errors.
  static Expected<std::unique_ptr<ArchiveSource>> from_bytes(std::string bytes, const std::string& name,
                                                              const ArchiveLimits& limits = {});
  ~ArchiveSource() override;

  ArchiveSource(const ArchiveSource&) = delete;
  ArchiveSource& operator=(const ArchiveSource&) = delete;

  Expected<std::unique_ptr<RandomAccessFile>> open_file(std::string_view path) const override;
  Expected<std::vector<DirectoryEntry>> list_directory(std::string_view path) const override;
  Expected<FileStatus> status(std::string_view path) const override;
  Expected<std::string> read_link(std::string_view path) const override;
  std::string description() const override;

  // Every entry refused, in the archive's order, each an Error about the Mac path it would
  // have had, whose reason names the entry; last, when the reading stopped early, why.
  const std::vector<Error>& refused() const;

 private:
  ArchiveSource(std::string description, std::unique_ptr<archive::ArchiveIndex> index);
  std::string description_;
  std::unique_ptr<archive::ArchiveIndex> index_;
};

}  // namespace nwaudit
