// Captured `skywalkctl flow` output, alone or inside a sysdiagnose's network-info/skywalk.txt.
#include "nwaudit/capture/skywalk_flows_capture.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  nwaudit::capture::parse_skywalk_flows(nwaudit::fuzz::bytes_of(data, size));
  return 0;
}
