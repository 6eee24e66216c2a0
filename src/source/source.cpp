#include "nwaudit/source/source.h"

namespace nwaudit {

Expected<std::string> Source::read_file(std::string_view path, std::size_t max_bytes) const {
  auto file = open_file(path);
  if (!file) return std::move(file).error();
  const std::uint64_t size = (*file)->size();
  if (size > max_bytes) {
    return Error{ErrorKind::too_large, std::string(path), {},
                 std::to_string(size) + " bytes, over the limit of " + std::to_string(max_bytes)};
  }
  return (*file)->read_at(0, static_cast<std::size_t>(size));
}

}  // namespace nwaudit
