#pragma once

namespace nwaudit {

// openat() that leaves access times alone where the system allows it: Linux's O_NOATIME needs
// the file's owner (or CAP_FOWNER), so EPERM means opening again without it. Reading a folder's
// entries counts as an access too, so folders are opened this way as well.
int open_without_access_time(int directory, const char* name, int flags);

}  // namespace nwaudit
