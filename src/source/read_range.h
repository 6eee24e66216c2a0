#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "nwaudit/base/expected.h"

namespace nwaudit {

// Whether `length` bytes from `offset` lie inside a file of `size` bytes; a malformed Error
// naming the file and the offset when they run past its end.
Expected<void> check_read_range(const std::string& path, std::uint64_t size, std::uint64_t offset, std::size_t length);

}  // namespace nwaudit
