// Captured `sysctl` output, then every value it holds read as an integer, as the collectors read them.
#include "nwaudit/capture/sysctl_capture.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto capture = nwaudit::capture::parse_sysctl(nwaudit::fuzz::bytes_of(data, size));
  for (const auto& [name, value] : capture.values) capture.integer(name);
  return 0;
}
