// A kext's executable (thin or universal Mach-O): its architectures, imports and network KPIs.
#include "fuzz_input.h"
#include "nwaudit/macho/macho_imports.h"
#include "nwaudit/macho/network_kpis.h"
#include "memory_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const nwaudit::fuzz::MemoryFile file(nwaudit::fuzz::bytes_of(data, size), "/Library/Extensions/Fuzz.kext/Contents/MacOS/Fuzz");
  auto imports = nwaudit::macho::scan_imports(file);
  if (imports) nwaudit::macho::network_kpis_in(imports->imported_symbols);
  return 0;
}
