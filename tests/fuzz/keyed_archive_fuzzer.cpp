// An NSKeyedArchiver plist (XML or binary) decoded as `nwaudit plist --unarchive` decodes it.
#include "fuzz_input.h"
#include "nwaudit/plist/keyed_archive.h"
#include "nwaudit/plist/parse.h"
#include "nwaudit/plist/write_xml.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nwaudit::plist;
  auto value = parse(nwaudit::fuzz::bytes_of(data, size), "/fuzz.plist");
  if (!value) return 0;
  auto archive = KeyedArchive::open(*value, "/fuzz.plist");
  if (!archive) return 0;
  auto decoded = archive->decode_top();
  if (decoded) write_xml(*decoded);
  return 0;
}
