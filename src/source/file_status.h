#pragma once

#include <sys/stat.h>

#include "nwaudit/source/source.h"

namespace nwaudit {

FileType type_of(mode_t mode);

// "a FIFO", "a character device", ...: what a file that cannot be read is, for its Error.
const char* type_name(mode_t mode);

FileStatus status_of(const struct stat& info);

}  // namespace nwaudit
