// A sysdiagnose's pf capture: `pfctl -s all` for the main ruleset and each anchor.
#include "nwaudit/capture/pfctl_show_all_capture.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  nwaudit::capture::parse_pfctl_show_all(nwaudit::fuzz::bytes_of(data, size));
  return 0;
}
