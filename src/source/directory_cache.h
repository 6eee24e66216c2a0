#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "nwaudit/base/unique_fd.h"
#include "nwaudit/source/source.h"

namespace nwaudit {

// A directory inside the root, open for the *at() calls below it.
struct OpenDirectory {
  explicit OpenDirectory(UniqueFd descriptor) : fd(std::move(descriptor)) {}

  UniqueFd fd;
  // Its entries sorted by name, once read, unless they were too many to keep.
  std::optional<std::vector<DirectoryEntry>> entries;
  bool read_before = false;        // its entries were read through fd, which must be rewound first
  bool too_many_to_keep = false;   // so names in it are looked up one at a time
};

// The directories one RootedSource keeps open, by their path inside the root with every link
// resolved ("" is the root, "Library/Extensions" a folder in it), so that each is resolved once
// in an audit. The least recently used one is closed first beyond kMaxOpenDirectories, or
// beyond kMaxKeptEntryBytes of entries; a directory still held elsewhere stays open until let go.
// The root stays open.
class DirectoryCache {
 public:
  static constexpr std::size_t kMaxOpenDirectories = 64;
  static constexpr std::size_t kMaxKeptEntryBytes = 4u << 20;

  explicit DirectoryCache(UniqueFd root);

  const std::shared_ptr<OpenDirectory>& root() const { return root_; }
  // The directory open at `path`, or null.
  std::shared_ptr<OpenDirectory> find(std::string_view path);
  std::shared_ptr<OpenDirectory> insert(std::string_view path, UniqueFd fd);
  // Keeps `entries` as the entries of `directory`, open at `path`, unless they are too many.
  void keep_entries(std::string_view path, OpenDirectory& directory, std::vector<DirectoryEntry> entries);

 private:
  struct Slot {
    std::string path;
    std::shared_ptr<OpenDirectory> directory;
    std::size_t entry_bytes = 0;
  };
  void close_least_recently_used();

  std::shared_ptr<OpenDirectory> root_;
  std::list<Slot> recent_;  // the most recently used first
  std::unordered_map<std::string_view, std::list<Slot>::iterator> slots_;  // by Slot::path
  std::size_t entry_bytes_ = 0;
};

}  // namespace nwaudit
