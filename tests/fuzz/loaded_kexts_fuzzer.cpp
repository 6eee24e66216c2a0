// Captured `kmutil showloaded` or `kextstat` output, or a panic report's kext list.
#include "nwaudit/capture/loaded_kexts.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  nwaudit::capture::parse_loaded_kexts(nwaudit::fuzz::bytes_of(data, size));
  return 0;
}
