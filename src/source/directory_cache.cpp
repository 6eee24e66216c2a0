#include "directory_cache.h"

#include <iterator>

namespace nwaudit {
namespace {

std::size_t bytes_of(const std::vector<DirectoryEntry>& entries) {
  std::size_t bytes = 0;
  for (const DirectoryEntry& entry : entries) bytes += sizeof entry + entry.name.size();
  return bytes;
}

}  // namespace

DirectoryCache::DirectoryCache(UniqueFd root) : root_(std::make_shared<OpenDirectory>(std::move(root))) {}

std::shared_ptr<OpenDirectory> DirectoryCache::find(std::string_view path) {
  if (path.empty()) return root_;
  const auto found = slots_.find(path);
  if (found == slots_.end()) return nullptr;
  recent_.splice(recent_.begin(), recent_, found->second);
  return found->second->directory;
}

std::shared_ptr<OpenDirectory> DirectoryCache::insert(std::string_view path, UniqueFd fd) {
  auto directory = std::make_shared<OpenDirectory>(std::move(fd));
  if (const auto found = slots_.find(path); found != slots_.end()) {
    entry_bytes_ -= found->second->entry_bytes;
    recent_.erase(found->second);
    slots_.erase(found);
  }
  if (recent_.size() >= kMaxOpenDirectories) {
    // Full: the least recently used slot is closed and takes the new directory, its list and
    // map nodes and its path's memory reused.
    auto oldest = std::prev(recent_.end());
    auto node = slots_.extract(oldest->path);
    entry_bytes_ -= oldest->entry_bytes;
    oldest->entry_bytes = 0;
    oldest->directory = directory;
    oldest->path.assign(path);
    recent_.splice(recent_.begin(), recent_, oldest);
    node.key() = oldest->path;
    slots_.insert(std::move(node));
  } else {
    recent_.push_front(Slot{std::string(path), directory, 0});
    slots_.emplace(recent_.front().path, recent_.begin());
  }
  close_least_recently_used();
  return directory;
}

void DirectoryCache::keep_entries(std::string_view path, OpenDirectory& directory,
                                  std::vector<DirectoryEntry> entries) {
  const std::size_t bytes = bytes_of(entries);
  if (bytes > kMaxKeptEntryBytes / 4) {
    directory.too_many_to_keep = true;
    return;
  }
  directory.entries = std::move(entries);
  const auto found = slots_.find(path);
  if (found == slots_.end() || found->second->directory.get() != &directory) return;  // the root, or let go already
  entry_bytes_ += bytes - found->second->entry_bytes;
  found->second->entry_bytes = bytes;
  recent_.splice(recent_.begin(), recent_, found->second);
  close_least_recently_used();
}

// Closes the least recently used directories while over a limit; the most recent one stays.
void DirectoryCache::close_least_recently_used() {
  while (recent_.size() > 1 && (recent_.size() > kMaxOpenDirectories || entry_bytes_ > kMaxKeptEntryBytes)) {
    entry_bytes_ -= recent_.back().entry_bytes;
    slots_.erase(recent_.back().path);
    recent_.pop_back();
  }
}

}  // namespace nwaudit
