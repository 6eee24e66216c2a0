// Captured `lsof -p PID` output, its descriptors counted by kind.
#include "nwaudit/probe/lsof_listing.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  nwaudit::capture::parse_lsof(nwaudit::fuzz::bytes_of(data, size));
  return 0;
}
