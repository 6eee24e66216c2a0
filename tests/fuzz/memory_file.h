#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "nwaudit/source/source.h"

namespace nwaudit::fuzz {

// Bytes held in memory, read as a file of the audited Mac.
class MemoryFile final : public RandomAccessFile {
 public:
  MemoryFile(std::string_view bytes, std::string path) : bytes_(bytes), path_(std::move(path)) {}

  std::uint64_t size() const override { return bytes_.size(); }
  Expected<std::string> read_at(std::uint64_t offset, std::size_t length) const override {
    if (offset > bytes_.size() || length > bytes_.size() - offset) {
      return Error{ErrorKind::malformed, path_, "byte offset " + std::to_string(offset), "read past the end"};
    }
    return std::string(bytes_.substr(static_cast<std::size_t>(offset), length));
  }
  const std::string& path() const override { return path_; }

 private:
  std::string_view bytes_;
  std::string path_;
};

}  // namespace nwaudit::fuzz
