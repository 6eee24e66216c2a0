#include "open_beneath.h"

#include <fcntl.h>

#include <cerrno>
#include <cstdint>

#ifdef __linux__
#include <sys/syscall.h>
#include <unistd.h>
#if defined(SYS_openat2) && __has_include(<linux/openat2.h>)
#include <linux/openat2.h>
#define NWAUDIT_HAS_OPENAT2 1
#endif
#endif

namespace nwaudit {

using Outcome = BeneathOpening::Outcome;

#if defined(NWAUDIT_HAS_OPENAT2)

namespace {

long openat2(int directory, const char* relative, std::uint64_t flags) {
  open_how how{};
  how.flags = flags;
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
  return ::syscall(SYS_openat2, directory, relative, &how, sizeof how);
}

}  // namespace

// With O_NOATIME, as folders are opened elsewhere (open_without_access_time.h); EPERM is also a
// seccomp filter's answer, so it is taken for unsupported only once the call failed without it.
BeneathOpening open_directory_beneath(int directory, const char* relative) {
  constexpr std::uint64_t kFlags = O_RDONLY | O_DIRECTORY | O_CLOEXEC;
  long fd = openat2(directory, relative, kFlags | O_NOATIME);
  if (fd < 0 && errno == EPERM) fd = openat2(directory, relative, kFlags);
  if (fd >= 0) return {Outcome::opened, UniqueFd(static_cast<int>(fd))};
  switch (errno) {
    case ENOENT: return {Outcome::missing, {}};
    case ENOSYS:  // before Linux 5.6
    case EPERM:   // a seccomp filter that does not know the call
    case EINVAL:
    case E2BIG: return {Outcome::unsupported, {}};
    default: return {Outcome::walk, {}};  // ELOOP for a link, ENOTDIR, EACCES, EAGAIN, ...
  }
}

#elif defined(__APPLE__) && defined(O_NOFOLLOW_ANY)

BeneathOpening open_directory_beneath(int directory, const char* relative) {
  if (__builtin_available(macOS 11.0, *)) {
    const int fd = ::openat(directory, relative, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW_ANY);
    if (fd >= 0) return {Outcome::opened, UniqueFd(fd)};
    return {errno == ENOENT ? Outcome::missing : Outcome::walk, {}};
  }
  return {Outcome::unsupported, {}};
}

#else

BeneathOpening open_directory_beneath(int, const char*) { return {Outcome::unsupported, {}}; }

#endif

}  // namespace nwaudit
