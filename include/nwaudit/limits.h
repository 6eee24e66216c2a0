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

// Architectures in one universal (fat) Mach-O file. Real ones hold at most a handful.
inline constexpr std::size_t kMaxFatArchitectures = 16;

// Load commands in one Mach-O slice. A kext has a few dozen.
inline constexpr std::size_t kMaxLoadCommands = 4096;

// Bytes of load commands (sizeofcmds) in one Mach-O slice.
inline constexpr std::size_t kMaxLoadCommandBytes = 1u << 20;

// Symbol-table entries (nlist) in one Mach-O slice.
inline constexpr std::size_t kMaxSymbols = 1'000'000;

// Bytes read for one Mach-O slice's symbols: its nlist entries plus its string table.
inline constexpr std::size_t kMaxSymbolTableBytes = 64u << 20;

// Kernel extension bundles examined in one audit (Apple's own included: a Mac has ~700).
inline constexpr std::size_t kMaxKexts = 5000;

// Directory levels searched below /Library/StagedExtensions for kext bundles.
inline constexpr std::size_t kMaxStagedDepth = 8;

}  // namespace nwaudit::limits
