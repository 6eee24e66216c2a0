#pragma once

#include <memory>
#include <string_view>

#include "nwaudit/base/expected.h"
#include "nwaudit/source/source.h"

namespace nwaudit {

// Opens the regular file `name` in the open directory `directory`: read-only, without following
// a link, without blocking, without access times where the system allows (Linux's O_NOATIME,
// as the file's owner); anything but a regular file once open is wrong_type. `path` is its Mac path.
Expected<std::unique_ptr<RandomAccessFile>> open_regular_file(int directory, const char* name, std::string_view path);

}  // namespace nwaudit
