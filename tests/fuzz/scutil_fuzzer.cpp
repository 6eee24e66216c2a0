// Captured `scutil --nc list` and `scutil --proxy` output, as a sysdiagnose's nc-info.txt and
// proxy-configuration.txt hold them.
#include "nwaudit/capture/scutil_nc_list_capture.h"
#include "nwaudit/capture/scutil_proxy_capture.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  nwaudit::capture::parse_scutil_nc_list(nwaudit::fuzz::bytes_of(data, size));
  nwaudit::capture::parse_scutil_proxy(nwaudit::fuzz::bytes_of(data, size));
  return 0;
}
