#pragma once

#include <string>
#include <string_view>

#include "nwaudit/base/expected.h"
#include "nwaudit/base/unique_fd.h"

namespace nwaudit::bundle {

// A file written under a temporary name in its destination's folder and renamed to the
// destination by commit(), so that the destination holds the whole file or what it held
// before. The temporary file is removed when the object goes away without commit().
class AtomicFile {
 public:
  // Creates ".NAME.XXXXXX" beside `destination`, with the permissions the umask gives a new file.
  static Expected<AtomicFile> create(const std::string& destination);
  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile& operator=(AtomicFile&&) = delete;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  Expected<void> write(std::string_view bytes);
  // Flushes the file to disk and renames it to the destination.
  Expected<void> commit();

  const std::string& temporary_path() const { return temporary_; }

 private:
  AtomicFile(std::string destination, std::string temporary, UniqueFd fd);
  Error failure(const std::string& what) const;

  std::string destination_;
  std::string temporary_;  // empty once renamed or removed
  UniqueFd fd_;
};

}  // namespace nwaudit::bundle
