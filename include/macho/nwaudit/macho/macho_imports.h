#pragma once

#include <string>
#include <vector>

#include "nwaudit/base/expected.h"
#include "nwaudit/source/source.h"

namespace nwaudit::macho {

struct MachOImports {
  // One per slice, in file order: "x86_64", "arm64", "arm64e", "i386", ..., or "cpu-0x..." when unknown.
  std::vector<std::string> architectures;
  // Undefined external symbols of every slice together, sorted, unique, without the leading underscore.
  std::vector<std::string> imported_symbols;
};

// Lists the architectures of a Mach-O file (thin 32- or 64-bit, or universal) and the
// symbols it imports, as a kext's executable names the kernel interfaces it calls.
//
// Reads only the headers, the load commands and the symbol and string tables, each
// validated against its slice and the file before it is read, and within the
// limits::kMaxFatArchitectures, kMaxLoadCommands, kMaxLoadCommandBytes, kMaxSymbols,
// kMaxSymbolTableBytes and kMaxImportedNameBytes bounds. Errors are malformed or too_large, located by absolute
// byte offset in the file.
Expected<MachOImports> scan_imports(const RandomAccessFile& file);

}  // namespace nwaudit::macho
