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

// Most bytes of strings and data one property list may expand to, or a keyed archive decode
// to, counted like kMaxPlistValues: one long string used in many places counts at each.
inline constexpr std::size_t kMaxPlistExpandedBytes = 64u << 20;

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

// Kernel extension bundles examined in one audit, Apple's own and their PlugIns included. A Mac on
// macOS 14 has about 900; one with many third-party drivers a hundred or two more, each also
// staged as a copy in /Library/StagedExtensions. Each bundle costs one Info.plist read.
inline constexpr std::size_t kMaxKexts = 20'000;

// Directory levels searched below /Library/StagedExtensions for kext bundles.
inline constexpr std::size_t kMaxStagedDepth = 8;

// Levels of kexts inside kexts' Contents/PlugIns folders examined. Apple's nest one level.
inline constexpr std::size_t kMaxPlugInDepth = 4;

// Bytes of imported symbol names kept from one Mach-O file, all slices together. Many
// symbols may name one long string, so this, not the file size, bounds the copies.
inline constexpr std::size_t kMaxImportedNameBytes = 16u << 20;

// Bytes read from one Mac in one audit, all files together. A real Mac needs tens of
// megabytes; links can make a small tree name the same large file thousands of times.
inline constexpr std::size_t kMaxBytesReadPerAudit = 256u << 20;

// An archive given as --root (a .tar, .tar.gz or .zip) is read into memory once, and bounded:
// entries indexed (past it the rest are not read), bytes of one entry (a larger one is refused),
// bytes it may expand to in all (reading stops there), and how many times its own size it may
// expand to, once past kArchiveRatioExemptBytes (a small archive of repetitive files may
// compress far better, at no cost).
inline constexpr std::size_t kMaxArchiveEntries = 100'000;
inline constexpr std::size_t kMaxArchiveEntryBytes = 64u << 20;
inline constexpr std::size_t kMaxArchiveBytes = 256u << 20;
inline constexpr std::size_t kMaxArchiveCompressionRatio = 100;
inline constexpr std::size_t kArchiveRatioExemptBytes = 1u << 20;

// Lines in one captured command output (real ones have a few thousand).
inline constexpr std::size_t kMaxCaptureLines = 100'000;

// Events from the unified log's network history (log-network.txt) given an element of their own
// in the facts: the most recent filter-state changes and apps out of descriptors; the others
// are counted. A Mac logs a few filter changes a day.
inline constexpr std::size_t kMaxLogEvents = 1000;

// Problems listed under one source's coverage entry; the rest are counted in one more.
inline constexpr std::size_t kMaxProblemsPerSource = 100;

// Entries taken from one list in one file: system extensions in db.plist, network services,
// bridges and their members, network interfaces, Network Extension configurations, a
// provider's classes, boot arguments, filter names. Real Macs have dozens.
inline constexpr std::size_t kMaxListEntries = 10'000;

// Anchor files that /etc/pf.conf loads ("load anchor ... from FILE") read in one audit.
inline constexpr std::size_t kMaxPfAnchorFiles = 64;

// Most steps one rule's condition may cost on the facts audited, by the bound computed before
// it is evaluated (nwaudit-rules(5), COST OF A CONDITION); a rule over it is skipped. A step is
// a node visited, an expression evaluated or a character compared.
inline constexpr std::size_t kMaxConditionSteps = 10'000'000;

}  // namespace nwaudit::limits
