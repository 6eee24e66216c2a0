#include "os_error.h"

#include <cerrno>
#include <cstring>

namespace nwaudit {

Error os_error(std::string_view path, int error_number) {
  ErrorKind kind = ErrorKind::io;
  switch (error_number) {
    case ENOENT: kind = ErrorKind::not_found; break;
    case EACCES:
    case EPERM: kind = ErrorKind::permission_denied; break;
    case ENOTDIR:
    case EISDIR: kind = ErrorKind::wrong_type; break;
    case ELOOP: kind = ErrorKind::link_loop; break;
    default: break;
  }
  return Error{kind, std::string(path), {}, std::strerror(error_number)};
}

Error error_of(ErrorKind kind, std::string_view path, std::string reason) {
  return Error{kind, std::string(path), {}, std::move(reason)};
}

}  // namespace nwaudit
