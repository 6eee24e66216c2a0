// Captured `ifconfig -v` output, possibly with `route -n get default` output in it.
#include "nwaudit/capture/ifconfig_capture.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  nwaudit::capture::parse_ifconfig(nwaudit::fuzz::bytes_of(data, size));
  return 0;
}
