// The directories a rooted source keeps open: found by path, the least recently used closed
// first, the limits kept, and a directory held elsewhere alive until let go.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "source/directory_cache.h"

using namespace nwaudit;

namespace {

UniqueFd open_folder() {
  const int fd = ::open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  return UniqueFd(fd);
}

std::string folder(std::size_t number) { return "System/Library/Extensions/" + std::to_string(number) + ".kext"; }

}  // namespace

TEST_CASE("directory cache: a folder is found by its path, the root by the empty one") {
  DirectoryCache cache(open_folder());
  CHECK(cache.find("") == cache.root());
  CHECK(cache.find("Library") == nullptr);
  const auto library = cache.insert("Library", open_folder());
  CHECK(cache.find("Library") == library);
  CHECK(cache.find("Librar") == nullptr);
  CHECK(cache.find("Library/") == nullptr);
  const auto again = cache.insert("Library", open_folder());  // opened anew: the new one answers
  CHECK(again != library);
  CHECK(cache.find("Library") == again);
}

TEST_CASE("directory cache: beyond its limit the least recently used folder goes first") {
  DirectoryCache cache(open_folder());
  for (std::size_t i = 0; i < DirectoryCache::kMaxOpenDirectories; ++i) cache.insert(folder(i), open_folder());
  for (std::size_t i = 0; i < DirectoryCache::kMaxOpenDirectories; ++i) CHECK(cache.find(folder(i)) != nullptr);
  REQUIRE(cache.find(folder(0)) != nullptr);  // now the most recently used; 1 is the least
  cache.insert(folder(1000), open_folder());
  CHECK(cache.find(folder(1)) == nullptr);
  CHECK(cache.find(folder(0)) != nullptr);
  CHECK(cache.find(folder(1000)) != nullptr);
  cache.insert(folder(1001), open_folder());
  CHECK(cache.find(folder(2)) == nullptr);
  std::size_t open = 0;
  for (std::size_t i = 0; i < 1002; ++i) open += cache.find(folder(i)) != nullptr;
  CHECK(open == DirectoryCache::kMaxOpenDirectories);
}

TEST_CASE("directory cache: a folder let go stays open while it is held") {
  DirectoryCache cache(open_folder());
  const auto held = cache.insert(folder(0), open_folder());
  for (std::size_t i = 1; i <= DirectoryCache::kMaxOpenDirectories; ++i) cache.insert(folder(i), open_folder());
  CHECK(cache.find(folder(0)) == nullptr);
  CHECK(held->fd.get() >= 0);
  CHECK(::fcntl(held->fd.get(), F_GETFD) != -1);
}

TEST_CASE("directory cache: kept entries count against their limit, the newest kept") {
  DirectoryCache cache(open_folder());
  // Entries of about a quarter of the limit each (more are not kept at all).
  const std::size_t per_entry = sizeof(DirectoryEntry) + 200;
  const std::size_t entries = DirectoryCache::kMaxKeptEntryBytes / 4 / per_entry - 1;
  const auto listing = [&] {
    return std::vector<DirectoryEntry>(entries, DirectoryEntry{std::string(200, 'x'), FileType::regular});
  };
  for (std::size_t i = 0; i < 5; ++i) {
    const auto directory = cache.insert(folder(i), open_folder());
    cache.keep_entries(folder(i), *directory, listing());
    CHECK(directory->entries.has_value());
  }
  // Five quarters are over the limit: the first folder went, the rest stay.
  CHECK(cache.find(folder(0)) == nullptr);
  for (std::size_t i = 1; i < 5; ++i) CHECK(cache.find(folder(i)) != nullptr);
  const auto big = cache.insert("Big", open_folder());
  cache.keep_entries("Big", *big,
                     std::vector<DirectoryEntry>(entries * 2, DirectoryEntry{std::string(200, 'x'), FileType::regular}));
  CHECK_FALSE(big->entries.has_value());
  CHECK(big->too_many_to_keep);
}
