// The scan that finds a plist's selected entries must agree with the full reader: whenever it
// gives a value, the full reader gives the same one.
#include <cstdlib>

#include "fuzz_input.h"
#include "nwaudit/plist/parse.h"
#include "nwaudit/plist/write_xml.h"
#include "plist/xml_plist_scan.h"

namespace {

constexpr std::string_view kKeys[] = {"CFBundleIdentifier", "CFBundleExecutable", "CFBundleVersion", "CFBundleName",
                                      "a", "k", "CF$UID"};

std::optional<nwaudit::plist::Value> entry_in_full(std::string_view element) {
  auto value = nwaudit::plist::parse_xml("<plist><dict><key>k</key>" + std::string(element) + "</dict></plist>",
                                         "/entry.plist");
  if (!value) return std::nullopt;
  return *value->find("k");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = nwaudit::fuzz::bytes_of(data, size);
  const auto scanned = nwaudit::plist::scan_selected_entries(text, kKeys, entry_in_full);
  if (!scanned) return 0;
  const auto full = nwaudit::plist::read_xml_document(text, "/fuzz.plist", kKeys);
  if (!full || nwaudit::plist::write_xml(*scanned) != nwaudit::plist::write_xml(*full)) std::abort();
  return 0;
}
