#include "nwaudit/macho/macho_imports.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "nwaudit/base/limits.h"

namespace nwaudit::macho {
namespace {

// The layout documented in <mach-o/fat.h>, <mach-o/loader.h> and <mach-o/nlist.h>.
constexpr std::uint32_t kFatMagic = 0xcafebabe;    // FAT_MAGIC, always big-endian
constexpr std::uint32_t kFatMagic64 = 0xcafebabf;  // FAT_MAGIC_64
constexpr std::uint32_t kMachMagic = 0xfeedface;   // MH_MAGIC
constexpr std::uint32_t kMachMagic64 = 0xfeedfacf;  // MH_MAGIC_64
constexpr std::uint32_t kLoadCommandSymtab = 0x2;  // LC_SYMTAB

constexpr std::uint64_t kFatHeaderSize = 8;   // magic, nfat_arch
constexpr std::uint64_t kFatArchSize = 20;    // cputype, cpusubtype, offset, size, align
constexpr std::uint64_t kFatArch64Size = 32;  // the same with 64-bit offset and size, and a reserved word
constexpr std::uint64_t kMachHeaderSize = 28;
constexpr std::uint64_t kMachHeader64Size = 32;  // with a reserved word at the end
constexpr std::uint64_t kLoadCommandHeaderSize = 8;  // cmd, cmdsize
constexpr std::uint64_t kSymtabCommandSize = 24;     // cmd, cmdsize, symoff, nsyms, stroff, strsize
constexpr std::uint64_t kNlistSize = 12;
constexpr std::uint64_t kNlist64Size = 16;

constexpr unsigned kSymbolStab = 0xe0;      // N_STAB: any of these bits makes a debugger entry
constexpr unsigned kSymbolTypeMask = 0x0e;  // N_TYPE
constexpr unsigned kSymbolUndefined = 0x0;  // N_UNDF
constexpr unsigned kSymbolExternal = 0x01;  // N_EXT

constexpr std::uint32_t kCpuAbi64 = 0x01000000;     // CPU_ARCH_ABI64
constexpr std::uint32_t kCpuAbi64_32 = 0x02000000;  // CPU_ARCH_ABI64_32
constexpr std::uint32_t kCpuTypeX86 = 7;
constexpr std::uint32_t kCpuTypeArm = 12;
constexpr std::uint32_t kCpuTypePowerPC = 18;
constexpr std::uint32_t kCpuSubtypeFeatureBits = 0xff000000;  // CPU_SUBTYPE_MASK

std::string architecture_name(std::uint32_t cputype, std::uint32_t cpusubtype) {
  const std::uint32_t subtype = cpusubtype & ~kCpuSubtypeFeatureBits;
  switch (cputype) {
    case kCpuTypeX86:
      return "i386";
    case kCpuTypeX86 | kCpuAbi64:
      return subtype == 8 ? "x86_64h" : "x86_64";
    case kCpuTypeArm:
      switch (subtype) {
        case 6: return "armv6";
        case 9: return "armv7";
        case 11: return "armv7s";
        case 12: return "armv7k";
        default: return "arm";
      }
    case kCpuTypeArm | kCpuAbi64:
      return subtype == 2 ? "arm64e" : "arm64";
    case kCpuTypeArm | kCpuAbi64_32:
      return "arm64_32";
    case kCpuTypePowerPC:
      return "ppc";
    case kCpuTypePowerPC | kCpuAbi64:
      return "ppc64";
    default:
      return fmt::format("cpu-{:#x}", cputype);
  }
}

enum class ByteOrder { little, big };

std::uint64_t load_unsigned(std::string_view bytes, std::size_t at, std::size_t size, ByteOrder order) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < size; ++i) {
    const std::size_t index = order == ByteOrder::big ? at + i : at + size - 1 - i;
    value = (value << 8) | static_cast<unsigned char>(bytes[index]);
  }
  return value;
}

std::uint32_t load_u32(std::string_view bytes, std::size_t at, ByteOrder order) {
  return static_cast<std::uint32_t>(load_unsigned(bytes, at, 4, order));
}

// A Mach-O image: the whole file, or one architecture of a universal file. Offsets
// inside it (symoff, stroff) count from its start.
struct Slice {
  std::uint64_t start = 0;
  std::uint64_t size = 0;
  std::string label;  // "" for a thin file, "slice 1 (arm64e): " in a universal one
  const char* noun = "file";
};

struct SymbolTable {
  std::uint64_t command_at = 0;  // where the LC_SYMTAB command is, in the file
  std::uint32_t symbols_offset = 0;
  std::uint32_t symbol_count = 0;
  std::uint32_t strings_offset = 0;
  std::uint32_t strings_size = 0;
};

class Scanner {
 public:
  explicit Scanner(const RandomAccessFile& file) : file_(file), file_size_(file.size()) {}

  static constexpr std::uint64_t kWindowBytes = 4096;  // at least this much is read at once
  // A file this small is read whole by the first read: one call costs less than three.
  static constexpr std::uint64_t kWholeFileBytes = 64 * 1024;

  Expected<MachOImports> scan() {
    if (file_size_ < 4) {
      return fail(ErrorKind::malformed, 0,
                  "truncated: " + std::to_string(file_size_) + " bytes is too short for a Mach-O file");
    }
    auto magic_bytes = read(0, 4);
    if (!magic_bytes) return std::move(magic_bytes).error();
    const std::uint32_t magic = load_u32(*magic_bytes, 0, ByteOrder::big);
    Expected<void> scanned = (magic == kFatMagic || magic == kFatMagic64)
                                 ? scan_universal(magic == kFatMagic64)
                                 : scan_slice(Slice{0, file_size_, "", "file"}, true);
    if (!scanned) return std::move(scanned).error();
    auto& symbols = result_.imported_symbols;
    std::sort(symbols.begin(), symbols.end());
    symbols.erase(std::unique(symbols.begin(), symbols.end()), symbols.end());
    return std::move(result_);
  }

 private:
  Error fail(ErrorKind kind, std::uint64_t offset, std::string reason) const {
    return Error{kind, file_.path(), "byte offset " + std::to_string(offset), std::move(reason)};
  }

  // Callers have checked that the range lies inside the file and within the limits. The reads
  // are mostly small and close together (a slice's header, load commands and, in small files,
  // its symbols and strings), so each is cut from a page of the file read ahead when it fits.
  Expected<std::string> read(std::uint64_t offset, std::uint64_t length) {
    const bool in_window = offset >= window_start_ && length <= window_.size() &&
                           offset - window_start_ <= window_.size() - length;
    if (!in_window) {
      const std::uint64_t wanted = file_size_ <= kWholeFileBytes ? file_size_ : std::max(length, kWindowBytes);
      const std::uint64_t ahead = std::min(wanted, file_size_ - offset);
      auto bytes = file_.read_at(offset, static_cast<std::size_t>(ahead));
      if (!bytes) return std::move(bytes).error();
      window_ = std::move(*bytes);
      window_start_ = offset;
    }
    return window_.substr(static_cast<std::size_t>(offset - window_start_), static_cast<std::size_t>(length));
  }

  Expected<void> scan_universal(bool wide) {
    if (file_size_ < kFatHeaderSize) {
      return fail(ErrorKind::malformed, 0,
                  "truncated: " + std::to_string(file_size_) + " bytes is too short for a universal header");
    }
    auto header = read(0, kFatHeaderSize);
    if (!header) return std::move(header).error();
    const std::uint32_t count = load_u32(*header, 4, ByteOrder::big);
    if (count == 0) return fail(ErrorKind::malformed, 4, "the universal header lists no architectures");
    if (count > limits::kMaxFatArchitectures) {
      return fail(ErrorKind::too_large, 4,
                  "the universal header lists " + std::to_string(count) + " architectures, over the limit of " +
                      std::to_string(limits::kMaxFatArchitectures));
    }
    const std::uint64_t entry_size = wide ? kFatArch64Size : kFatArchSize;
    const std::uint64_t entries_size = count * entry_size;
    if (entries_size > file_size_ - kFatHeaderSize) {
      return fail(ErrorKind::malformed, kFatHeaderSize,
                  "truncated: the universal header's " + std::to_string(count) +
                      " architecture entries run past the end of the " + std::to_string(file_size_) +
                      "-byte file");
    }
    auto entries = read(kFatHeaderSize, entries_size);
    if (!entries) return std::move(entries).error();

    for (std::uint32_t index = 0; index < count; ++index) {
      const std::size_t at = static_cast<std::size_t>(index * entry_size);
      const std::string architecture = architecture_name(load_u32(*entries, at, ByteOrder::big),
                                                         load_u32(*entries, at + 4, ByteOrder::big));
      const std::size_t field_size = wide ? 8 : 4;
      const std::uint64_t offset = load_unsigned(*entries, at + 8, field_size, ByteOrder::big);
      const std::uint64_t size = load_unsigned(*entries, at + 8 + field_size, field_size, ByteOrder::big);
      result_.architectures.push_back(architecture);
      const std::string label = "slice " + std::to_string(index) + " (" + architecture + "): ";
      if (offset > file_size_ || size > file_size_ - offset) {
        return fail(ErrorKind::malformed, kFatHeaderSize + at + 8,
                    label + std::to_string(size) + " bytes at offset " + std::to_string(offset) +
                        " run past the end of the " + std::to_string(file_size_) + "-byte file");
      }
      if (auto scanned = scan_slice(Slice{offset, size, label, "slice"}, false); !scanned) return scanned;
    }
    return {};
  }

  Expected<void> scan_slice(const Slice& slice, bool names_architecture) {
    if (slice.size < 4) {
      return fail(ErrorKind::malformed, slice.start,
                  slice.label + "truncated: " + std::to_string(slice.size) + " bytes is too short for a Mach-O " +
                      slice.noun);
    }
    auto magic_bytes = read(slice.start, 4);
    if (!magic_bytes) return std::move(magic_bytes).error();
    const std::uint32_t magic = load_u32(*magic_bytes, 0, ByteOrder::little);
    const std::uint32_t swapped = load_u32(*magic_bytes, 0, ByteOrder::big);
    // Macs are little-endian; big-endian images are PowerPC slices of old universal files.
    const ByteOrder order = (magic == kMachMagic || magic == kMachMagic64) ? ByteOrder::little : ByteOrder::big;
    const std::uint32_t native = order == ByteOrder::little ? magic : swapped;
    if (native != kMachMagic && native != kMachMagic64) {
      return fail(ErrorKind::malformed, slice.start,
                  slice.label + fmt::format("not a Mach-O {} (magic {:#010x})", slice.noun, swapped));
    }
    const bool wide = native == kMachMagic64;
    const std::uint64_t header_size = wide ? kMachHeader64Size : kMachHeaderSize;
    if (slice.size < header_size) {
      return fail(ErrorKind::malformed, slice.start,
                  slice.label + "truncated: the Mach-O header needs " + std::to_string(header_size) + " bytes, the " +
                      slice.noun + " has " + std::to_string(slice.size));
    }
    auto header = read(slice.start, header_size);
    if (!header) return std::move(header).error();
    if (names_architecture) {
      result_.architectures.push_back(
          architecture_name(load_u32(*header, 4, order), load_u32(*header, 8, order)));
    }
    const std::uint32_t command_count = load_u32(*header, 16, order);
    const std::uint32_t commands_size = load_u32(*header, 20, order);
    if (command_count > limits::kMaxLoadCommands) {
      return fail(ErrorKind::too_large, slice.start + 16,
                  slice.label + std::to_string(command_count) + " load commands, over the limit of " +
                      std::to_string(limits::kMaxLoadCommands));
    }
    if (commands_size > limits::kMaxLoadCommandBytes) {
      return fail(ErrorKind::too_large, slice.start + 20,
                  slice.label + std::to_string(commands_size) + " bytes of load commands, over the limit of " +
                      std::to_string(limits::kMaxLoadCommandBytes));
    }
    if (commands_size > slice.size - header_size) {
      return fail(ErrorKind::malformed, slice.start + 20,
                  slice.label + "the load commands (" + std::to_string(commands_size) + " bytes) run past the end of the " +
                      std::to_string(slice.size) + "-byte " + slice.noun);
    }
    if (std::uint64_t{command_count} * kLoadCommandHeaderSize > commands_size) {
      return fail(ErrorKind::malformed, slice.start + 16,
                  slice.label + std::to_string(command_count) + " load commands cannot fit in " +
                      std::to_string(commands_size) + " bytes of load commands");
    }
    const std::uint64_t commands_at = slice.start + header_size;
    auto commands = read(commands_at, commands_size);
    if (!commands) return std::move(commands).error();

    std::optional<SymbolTable> symbol_table;
    std::size_t at = 0;
    for (std::uint32_t index = 0; index < command_count; ++index) {
      const std::string which = slice.label + "load command " + std::to_string(index);
      if (commands->size() - at < kLoadCommandHeaderSize) {
        return fail(ErrorKind::malformed, commands_at + at, which + " runs past the load-command area");
      }
      const std::uint32_t command = load_u32(*commands, at, order);
      const std::uint32_t command_size = load_u32(*commands, at + 4, order);
      if (command_size < kLoadCommandHeaderSize) {
        return fail(ErrorKind::malformed, commands_at + at + 4,
                    which + " has size " + std::to_string(command_size) + ", less than its own 8-byte header");
      }
      if (command_size > commands->size() - at) {
        return fail(ErrorKind::malformed, commands_at + at + 4, which + " runs past the load-command area");
      }
      if (command == kLoadCommandSymtab) {
        if (command_size < kSymtabCommandSize) {
          return fail(ErrorKind::malformed, commands_at + at + 4,
                      which + " (LC_SYMTAB) has size " + std::to_string(command_size) + ", less than 24");
        }
        if (symbol_table) return fail(ErrorKind::malformed, commands_at + at, which + " is a second LC_SYMTAB");
        symbol_table = SymbolTable{commands_at + at, load_u32(*commands, at + 8, order),
                                   load_u32(*commands, at + 12, order), load_u32(*commands, at + 16, order),
                                   load_u32(*commands, at + 20, order)};
      }
      at += command_size;
    }
    if (!symbol_table) return {};  // stripped of every symbol: it imports nothing we can name
    return scan_symbols(slice, *symbol_table, wide, order);
  }

  Expected<void> scan_symbols(const Slice& slice, const SymbolTable& table, bool wide, ByteOrder order) {
    const std::string symtab = slice.label + "LC_SYMTAB";
    if (table.symbol_count > limits::kMaxSymbols) {
      return fail(ErrorKind::too_large, table.command_at + 12,
                  symtab + " lists " + std::to_string(table.symbol_count) + " symbols, over the limit of " +
                      std::to_string(limits::kMaxSymbols));
    }
    const std::uint64_t entry_size = wide ? kNlist64Size : kNlistSize;
    const std::uint64_t symbols_size = table.symbol_count * entry_size;
    if (table.symbols_offset > slice.size || symbols_size > slice.size - table.symbols_offset) {
      return fail(ErrorKind::malformed, table.command_at + 8,
                  symtab + "'s " + std::to_string(table.symbol_count) + " symbols (" + std::to_string(symbols_size) +
                      " bytes at offset " + std::to_string(table.symbols_offset) + ") run past the end of the " +
                      std::to_string(slice.size) + "-byte " + slice.noun);
    }
    if (table.strings_offset > slice.size || table.strings_size > slice.size - table.strings_offset) {
      return fail(ErrorKind::malformed, table.command_at + 16,
                  symtab + "'s string table (" + std::to_string(table.strings_size) + " bytes at offset " +
                      std::to_string(table.strings_offset) + ") runs past the end of the " +
                      std::to_string(slice.size) + "-byte " + slice.noun);
    }
    if (symbols_size + table.strings_size > limits::kMaxSymbolTableBytes) {
      return fail(ErrorKind::too_large, table.command_at,
                  symtab + "'s symbol and string tables take " + std::to_string(symbols_size + table.strings_size) +
                      " bytes, over the limit of " + std::to_string(limits::kMaxSymbolTableBytes));
    }
    if (table.symbol_count == 0) return {};

    const std::uint64_t symbols_at = slice.start + table.symbols_offset;
    const std::uint64_t strings_at = slice.start + table.strings_offset;
    auto symbols = read(symbols_at, symbols_size);
    if (!symbols) return std::move(symbols).error();
    auto strings = read(strings_at, table.strings_size);
    if (!strings) return std::move(strings).error();

    for (std::uint32_t index = 0; index < table.symbol_count; ++index) {
      const std::size_t at = static_cast<std::size_t>(index * entry_size);
      const std::uint32_t name_at = load_u32(*symbols, at, order);
      const unsigned type = static_cast<unsigned char>((*symbols)[at + 4]);
      const std::uint64_t value = load_unsigned(*symbols, at + 8, wide ? 8 : 4, order);
      const bool imported = (type & kSymbolStab) == 0 && (type & kSymbolTypeMask) == kSymbolUndefined &&
                            (type & kSymbolExternal) != 0;
      // An undefined external with a value is a common symbol, defined by its size, not imported.
      if (!imported || value != 0 || name_at == 0) continue;  // name 0 is the empty name
      const std::string which = slice.label + "symbol " + std::to_string(index);
      if (name_at >= strings->size()) {
        return fail(ErrorKind::malformed, symbols_at + at,
                    which + "'s name starts at " + std::to_string(name_at) + ", past the end of the " +
                        std::to_string(strings->size()) + "-byte string table");
      }
      const std::size_t end = strings->find('\0', name_at);
      if (end == std::string::npos) {
        return fail(ErrorKind::malformed, strings_at + name_at,
                    which + "'s name is not terminated inside the string table");
      }
      std::string_view name = std::string_view(*strings).substr(name_at, end - name_at);
      if (!name.empty() && name.front() == '_') name.remove_prefix(1);  // C names carry a leading underscore
      if (name.size() > limits::kMaxImportedNameBytes - imported_name_bytes_) {
        return fail(ErrorKind::too_large, symbols_at + at,
                    which + "'s name takes the imported names past the limit of " +
                        std::to_string(limits::kMaxImportedNameBytes) + " bytes");
      }
      imported_name_bytes_ += name.size();
      if (!name.empty()) result_.imported_symbols.emplace_back(name);
    }
    return {};
  }

  const RandomAccessFile& file_;
  std::uint64_t file_size_;
  std::string window_;  // the bytes of the file from window_start_
  std::uint64_t window_start_ = 0;
  MachOImports result_;
  std::size_t imported_name_bytes_ = 0;  // every slice's together
};

}  // namespace

Expected<MachOImports> scan_imports(const RandomAccessFile& file) { return Scanner(file).scan(); }

}  // namespace nwaudit::macho
