// An XML property list from the audited Mac, printed back as `nwaudit plist` prints it.
#include "fuzz_input.h"
#include "nwaudit/plist/parse.h"
#include "nwaudit/plist/write_xml.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto value = nwaudit::plist::parse_xml(nwaudit::fuzz::bytes_of(data, size), "/fuzz.plist");
  if (value) nwaudit::plist::write_xml(*value);
  return 0;
}
