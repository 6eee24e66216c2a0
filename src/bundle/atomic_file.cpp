#include "nwaudit/bundle/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>
#include <vector>

namespace nwaudit::bundle {
namespace {

// What the umask lets a new file have, read without changing it for long.
mode_t new_file_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return static_cast<mode_t>(0666 & ~mask);
}

}  // namespace

AtomicFile::AtomicFile(std::string destination, std::string temporary, UniqueFd fd)
    : destination_(std::move(destination)), temporary_(std::move(temporary)), fd_(std::move(fd)) {}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : destination_(std::move(other.destination_)),
      temporary_(std::exchange(other.temporary_, std::string())),
      fd_(std::move(other.fd_)) {}

AtomicFile::~AtomicFile() {
  fd_.reset();
  if (!temporary_.empty()) ::unlink(temporary_.c_str());
}

Error AtomicFile::failure(const std::string& what) const {
  return Error{ErrorKind::io, destination_, {}, what + ": " + std::strerror(errno)};
}

Expected<AtomicFile> AtomicFile::create(const std::string& destination) {
  const std::filesystem::path path(destination);
  const std::string name = path.filename().string();
  if (name.empty() || name == "." || name == "..") {
    return Error{ErrorKind::wrong_type, destination, {}, "names a folder, not a file"};
  }
  const std::filesystem::path folder = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
  std::string pattern = (folder / ("." + name + ".XXXXXX")).string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  UniqueFd fd(::mkstemp(buffer.data()));
  if (!fd.valid()) {
    return Error{ErrorKind::io, destination, {},
                 "cannot create a file in " + folder.string() + ": " + std::strerror(errno)};
  }
  AtomicFile file(destination, std::string(buffer.data()), std::move(fd));
  if (::fchmod(file.fd_.get(), new_file_mode()) != 0) return file.failure("cannot set its permissions");
  return file;
}

Expected<void> AtomicFile::write(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd_.get(), bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return failure("cannot write");
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return {};
}

Expected<void> AtomicFile::commit() {
  if (::fsync(fd_.get()) != 0) return failure("cannot write");
  if (::close(fd_.release()) != 0) return failure("cannot write");
  if (::rename(temporary_.c_str(), destination_.c_str()) != 0) return failure("cannot put it in place");
  temporary_.clear();
  return {};
}

}  // namespace nwaudit::bundle
