#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include "nwaudit/base/expected.h"
#include "nwaudit/source/source.h"

namespace nwaudit {

// Opens the regular file `name` in the open directory `directory`: read-only, without following
// a link, without blocking, without access times where the system allows (Linux's O_NOATIME,
// as the file's owner). `path` is its Mac path. Without `checked_size`, anything but a regular
// file once open is wrong_type; with it, the caller has just seen a regular file of that size
// there (fstatat), which saves the fstat.
Expected<std::unique_ptr<RandomAccessFile>> open_regular_file(int directory, const char* name, std::string_view path,
                                                              std::optional<std::uint64_t> checked_size = {});

}  // namespace nwaudit
