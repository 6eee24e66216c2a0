#include "directory_reader.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <memory>

#include "file_status.h"
#include "nwaudit/base/limits.h"
#include "os_error.h"

namespace nwaudit {
namespace {

FileType type_of_entry(int directory, const char* name, unsigned char d_type) {
  switch (d_type) {
    case DT_REG: return FileType::regular;
    case DT_DIR: return FileType::directory;
    case DT_LNK: return FileType::symlink;
    case DT_UNKNOWN: {
      struct stat info {};
      if (::fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0) return type_of(info.st_mode);
      return FileType::other;
    }
    default: return FileType::other;
  }
}

bool is_dot_or_dot_dot(const char* name) {
  return name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'));
}

// Adds one entry; false when that would pass the limit.
bool add(std::vector<DirectoryEntry>& entries, int directory, const char* name, unsigned char d_type) {
  if (is_dot_or_dot_dot(name)) return true;
  if (entries.size() == limits::kMaxDirectoryEntries) return false;
  entries.push_back({name, type_of_entry(directory, name, d_type)});
  return true;
}

void sort_by_name(std::vector<DirectoryEntry>& entries) {
  std::sort(entries.begin(), entries.end(),
            [](const DirectoryEntry& a, const DirectoryEntry& b) { return a.name < b.name; });
}

Error too_many_entries(std::string_view path) {
  return error_of(ErrorKind::too_large, path,
                  "more than " + std::to_string(limits::kMaxDirectoryEntries) + " entries");
}

}  // namespace

#ifdef __linux__

// getdents64 reads the descriptor itself: no second descriptor, no fstat and fcntl as fdopendir makes.
Expected<std::vector<DirectoryEntry>> DirectoryReader::read(int fd, bool read_before, std::string_view path) {
  if (read_before && ::lseek(fd, 0, SEEK_SET) < 0) return os_error(path, errno);
  if (buffer_.empty()) buffer_.resize(32768);
  std::vector<DirectoryEntry> entries;
  for (;;) {
    const ssize_t filled = ::getdents64(fd, buffer_.data(), buffer_.size());
    if (filled < 0) {
      if (errno == EINTR) continue;
      return os_error(path, errno);
    }
    if (filled == 0) break;
    for (ssize_t offset = 0; offset < filled;) {
      const auto* entry = reinterpret_cast<const struct dirent64*>(buffer_.data() + offset);
      if (!add(entries, fd, entry->d_name, entry->d_type)) return too_many_entries(path);
      offset += entry->d_reclen;
    }
  }
  sort_by_name(entries);
  return entries;
}

#else

namespace {
struct ClosesDirectory {
  void operator()(DIR* directory) const { ::closedir(directory); }
};
}  // namespace

// readdir through a descriptor of its own: the directory opened anew, so that its read position
// is not `fd`'s and every reading starts at the beginning.
Expected<std::vector<DirectoryEntry>> DirectoryReader::read(int fd, bool, std::string_view path) {
  const int own = ::openat(fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (own < 0) return os_error(path, errno);
  const std::unique_ptr<DIR, ClosesDirectory> directory(::fdopendir(own));
  if (!directory) {
    const int error_number = errno;
    ::close(own);
    return os_error(path, error_number);
  }
  std::vector<DirectoryEntry> entries;
  for (;;) {
    errno = 0;
    const dirent* entry = ::readdir(directory.get());
    if (entry == nullptr) {
      if (errno != 0) return os_error(path, errno);
      break;
    }
    if (!add(entries, own, entry->d_name, entry->d_type)) return too_many_entries(path);
  }
  sort_by_name(entries);
  return entries;
}

#endif

}  // namespace nwaudit
