#pragma once

#include <memory>
#include <string>

#include "nwaudit/source/source.h"
#include "read_range.h"

namespace nwaudit::archive {

// A file of an archive, its bytes held in memory (shared by the hard links to it).
class MemoryFile final : public RandomAccessFile {
 public:
  MemoryFile(std::shared_ptr<const std::string> bytes, std::string path) : bytes_(std::move(bytes)), path_(std::move(path)) {}

  std::uint64_t size() const override { return bytes_->size(); }
  const std::string& path() const override { return path_; }
  Expected<std::string> read_at(std::uint64_t offset, std::size_t length) const override {
    if (auto inside = check_read_range(path_, bytes_->size(), offset, length); !inside) return std::move(inside).error();
    return bytes_->substr(static_cast<std::size_t>(offset), length);
  }

 private:
  std::shared_ptr<const std::string> bytes_;
  std::string path_;
};

}  // namespace nwaudit::archive
