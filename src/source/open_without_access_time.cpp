#include "open_without_access_time.h"

#include <fcntl.h>

#include <cerrno>

namespace nwaudit {

int open_without_access_time(int directory, const char* name, int flags) {
#ifdef O_NOATIME
  const int fd = ::openat(directory, name, flags | O_NOATIME);
  if (fd >= 0 || errno != EPERM) return fd;
#endif
  return ::openat(directory, name, flags);
}

}  // namespace nwaudit
