// /etc/pf.conf, and a file of /etc/pf.anchors/ loaded into an anchor.
#include "nwaudit/capture/pf_capture.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = nwaudit::fuzz::bytes_of(data, size);
  nwaudit::capture::parse_pf_conf(text);
  nwaudit::capture::parse_pf_conf(text, "com.apple");
  return 0;
}
