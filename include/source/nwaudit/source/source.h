#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "nwaudit/base/expected.h"

namespace nwaudit {

enum class FileType { regular, directory, symlink, other };

struct FileStatus {
  FileType type = FileType::other;
  std::uint64_t size = 0;
  std::uint32_t mode = 0;  // permission bits
  std::int64_t modified_unix_seconds = 0;
};

struct DirectoryEntry {
  std::string name;
  FileType type = FileType::other;  // of the entry itself; a link is FileType::symlink
};

// An open regular file on the audited Mac, read at offsets (Mach-O headers and symbol
// tables are read this way, never whole binaries).
class RandomAccessFile {
 public:
  virtual ~RandomAccessFile() = default;
  virtual std::uint64_t size() const = 0;
  // Exactly `length` bytes from `offset`; an Error (malformed) when the file is shorter.
  virtual Expected<std::string> read_at(std::uint64_t offset, std::size_t length) const = 0;
  // The Mac path it was opened as, for errors.
  virtual const std::string& path() const = 0;
};

// The only way nwaudit reads the Mac it audits. Paths are Mac paths ("/Library/...");
// an implementation maps them onto whatever it reads from and never writes to it.
// Every Error carries the Mac path it is about.
class Source {
 public:
  virtual ~Source() = default;

  // A regular file, following links.
  virtual Expected<std::unique_ptr<RandomAccessFile>> open_file(std::string_view path) const = 0;
  // The entries of a directory, following links, sorted by name, without "." and "..".
  virtual Expected<std::vector<DirectoryEntry>> list_directory(std::string_view path) const = 0;
  // What the path names, following links.
  virtual Expected<FileStatus> status(std::string_view path) const = 0;
  // The target of the symbolic link the path names, as stored (not resolved).
  virtual Expected<std::string> read_link(std::string_view path) const = 0;

  // For reports: "the live system", "the tree at /tmp/mac", ...
  virtual std::string description() const = 0;

  // Whether several threads may call it at once, each call as if it were alone. A source that
  // wraps another answers for itself and for the one it wraps.
  virtual bool reads_concurrently() const { return false; }

  // The whole content of a regular file; too_large over max_bytes, checked before reading.
  Expected<std::string> read_file(std::string_view path, std::size_t max_bytes) const;
};

}  // namespace nwaudit
