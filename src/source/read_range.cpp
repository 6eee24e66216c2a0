#include "read_range.h"

namespace nwaudit {

Expected<void> check_read_range(const std::string& path, std::uint64_t size, std::uint64_t offset, std::size_t length) {
  if (offset <= size && length <= size - offset) return {};
  return Error{ErrorKind::malformed, path, "byte offset " + std::to_string(offset),
               "reading " + std::to_string(length) + " bytes runs past the end of the " + std::to_string(size) +
                   "-byte file"};
}

}  // namespace nwaudit
