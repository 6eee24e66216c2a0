// Captured `pfctl -s rules` output, of the main ruleset and of Apple's anchor.
#include "nwaudit/capture/pf_capture.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = nwaudit::fuzz::bytes_of(data, size);
  nwaudit::capture::parse_pfctl_rules(text);
  nwaudit::capture::parse_pfctl_rules(text, "com.apple");
  return 0;
}
