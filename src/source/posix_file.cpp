#include "posix_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "file_status.h"
#include "nwaudit/base/unique_fd.h"
#include "open_without_access_time.h"
#include "os_error.h"
#include "read_range.h"

namespace nwaudit {
namespace {

class PosixFile final : public RandomAccessFile {
 public:
  PosixFile(UniqueFd fd, std::uint64_t size, std::string path) : fd_(std::move(fd)), size_(size), path_(std::move(path)) {}

  std::uint64_t size() const override { return size_; }
  const std::string& path() const override { return path_; }

  Expected<std::string> read_at(std::uint64_t offset, std::size_t length) const override {
    if (auto inside = check_read_range(path_, size_, offset, length); !inside) return std::move(inside).error();
    std::string content(length, '\0');
    std::size_t filled = 0;
    while (filled < length) {
      const ssize_t count = ::pread(fd_.get(), content.data() + filled, length - filled,
                                    static_cast<off_t>(offset + filled));
      if (count < 0) {
        if (errno == EINTR) continue;
        return os_error(path_, errno);
      }
      if (count == 0) {
        return Error{ErrorKind::malformed, path_, "byte offset " + std::to_string(offset + filled),
                     "the file ended early (it shrank while being read)"};
      }
      filled += static_cast<std::size_t>(count);
    }
    return content;
  }

 private:
  UniqueFd fd_;
  std::uint64_t size_;
  std::string path_;
};

}  // namespace

Expected<std::unique_ptr<RandomAccessFile>> open_regular_file(int directory, const char* name, std::string_view path,
                                                              std::optional<std::uint64_t> checked_size) {
  const int fd = open_without_access_time(directory, name, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return os_error(path, errno);
  UniqueFd file(fd);
  if (checked_size) return std::unique_ptr<RandomAccessFile>(new PosixFile(std::move(file), *checked_size, std::string(path)));
  struct stat info {};
  if (::fstat(fd, &info) != 0) return os_error(path, errno);
  if (!S_ISREG(info.st_mode)) return error_of(ErrorKind::wrong_type, path, std::string("is ") + type_name(info.st_mode));
  return std::unique_ptr<RandomAccessFile>(
      new PosixFile(std::move(file), static_cast<std::uint64_t>(info.st_size), std::string(path)));
}

}  // namespace nwaudit
