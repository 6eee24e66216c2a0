// Captured `systemextensionsctl list` output.
#include "nwaudit/capture/system_extensions_list.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  nwaudit::capture::parse_system_extensions_list(nwaudit::fuzz::bytes_of(data, size));
  return 0;
}
