#pragma once

#include <cstddef>

// Bounds that keep hostile input cheap. Each is documented in nwaudit(1), LIMITS.
namespace nwaudit::limits {

// Largest property list read. Real ones are far smaller: a busy Mac's
// SystemConfiguration preferences.plist is tens of kilobytes.
inline constexpr std::size_t kMaxPlistBytes = 16u << 20;

// Deepest nesting of containers (dictionaries and arrays) in a property list or a
// decoded keyed archive. Files macOS writes nest fewer than 20 levels.
inline constexpr std::size_t kMaxNestingDepth = 128;

// Most values one property list may expand to. A binary plist or keyed archive may
// share one object from many places; each use counts, so a small file cannot
// expand into an enormous tree.
inline constexpr std::size_t kMaxPlistValues = 1'000'000;

// Symbolic links followed while resolving one path, as the kernel's MAXSYMLINKS.
inline constexpr int kMaxSymlinks = 32;

// Entries returned for one directory listing.
inline constexpr std::size_t kMaxDirectoryEntries = 100'000;

}  // namespace nwaudit::limits
