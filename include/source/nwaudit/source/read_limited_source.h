#pragma once

#include <atomic>
#include <cstdint>
#include <memory>

#include "nwaudit/source/source.h"

namespace nwaudit {

// A Source that passes everything to another one while counting the bytes read through it:
// once `max_bytes` are spent, every further read is a too_large Error that names its file.
// It bounds the work of one audit whatever the tree holds (links can name one large file
// from thousands of places).
class ReadLimitedSource final : public Source {
 public:
  ReadLimitedSource(const Source& inner, std::uint64_t max_bytes);

  Expected<std::unique_ptr<RandomAccessFile>> open_file(std::string_view path) const override;
  Expected<std::vector<DirectoryEntry>> list_directory(std::string_view path) const override;
  Expected<FileStatus> status(std::string_view path) const override;
  Expected<std::string> read_link(std::string_view path) const override;
  std::string description() const override;
  bool reads_concurrently() const override { return inner_.reads_concurrently(); }

  // Bytes still allowed.
  std::uint64_t remaining() const { return *remaining_; }

 private:
  const Source& inner_;
  std::uint64_t max_bytes_;
  std::shared_ptr<std::atomic<std::uint64_t>> remaining_;  // shared with the files it opened
};

}  // namespace nwaudit
