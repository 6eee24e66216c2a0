// Captured `pfctl -s Anchors -v` output.
#include "nwaudit/capture/pf_capture.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  nwaudit::capture::parse_pfctl_anchors(nwaudit::fuzz::bytes_of(data, size));
  return 0;
}
