#pragma once

#include "nwaudit/base/unique_fd.h"

namespace nwaudit {

// What opening a run of directories in one system call came to.
struct BeneathOpening {
  enum class Outcome {
    opened,       // `directory` is open
    missing,      // a component is not there
    walk,         // something on the way (a link, a file, a folder it may not search) needs the walk
    unsupported,  // this kernel cannot refuse links on its own
  };
  Outcome outcome = Outcome::unsupported;
  UniqueFd directory;
};

// Opens the directory that `relative` names below `directory` ("a/b/c": names only, no "." or
// ".."), in one system call that refuses every symbolic link on the way: openat2 with
// RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS on Linux 5.6 and later, openat with O_NOFOLLOW_ANY on
// macOS 11 and later. Unsupported elsewhere, and where a sandbox forbids the call.
BeneathOpening open_directory_beneath(int directory, const char* relative);

}  // namespace nwaudit
