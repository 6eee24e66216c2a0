#pragma once

#include <string>
#include <string_view>

#include "nwaudit/base/error.h"

namespace nwaudit {

// The Error for a failed system call on the Mac path `path`, its kind from the error number.
Error os_error(std::string_view path, int error_number);

Error error_of(ErrorKind kind, std::string_view path, std::string reason);

}  // namespace nwaudit
