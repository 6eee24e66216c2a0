#include "file_status.h"

namespace nwaudit {

FileType type_of(mode_t mode) {
  if (S_ISREG(mode)) return FileType::regular;
  if (S_ISDIR(mode)) return FileType::directory;
  if (S_ISLNK(mode)) return FileType::symlink;
  return FileType::other;
}

const char* type_name(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISLNK(mode)) return "a symbolic link";
  return "not a regular file";
}

FileStatus status_of(const struct stat& info) {
  FileStatus status;
  status.type = type_of(info.st_mode);
  status.size = static_cast<std::uint64_t>(info.st_size);
  status.mode = static_cast<std::uint32_t>(info.st_mode & 07777);
#ifdef __APPLE__
  status.modified_unix_seconds = info.st_mtimespec.tv_sec;
#else
  status.modified_unix_seconds = info.st_mtim.tv_sec;
#endif
  return status;
}

}  // namespace nwaudit
