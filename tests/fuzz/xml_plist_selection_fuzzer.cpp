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

using nwaudit::plist::KeySelection;

constexpr std::string_view kNested[] = {"CFBundleVersion", "k", "CF$UID"};

// The full reader on the cut-out element put back where it stood: the value of key k, `held_by`
// dictionaries deep.
std::optional<nwaudit::plist::Value> entry_in_full(std::string_view element, std::size_t held_by, KeySelection keys) {
  static constexpr std::string_view kK[] = {"k"};
  if (held_by != 1 && !(held_by == 2 && keys.selects_all())) std::abort();
  const std::string inner = "<dict><key>k</key>" + std::string(element) + "</dict>";
  const std::string text = held_by == 1 ? inner : "<dict><key>k</key>" + inner + "</dict>";
  auto value = nwaudit::plist::parse_xml("<plist>" + text + "</plist>", "/entry.plist",
                                         held_by == 1 ? KeySelection(kK, keys.top) : KeySelection(kK, kK));
  if (!value) return std::nullopt;
  return held_by == 1 ? *value->find("k") : *value->at({"k", "k"});
}

void check_agreement(std::string_view text, KeySelection keys) {
  const auto scanned = nwaudit::plist::scan_selected_entries(text, keys, entry_in_full);
  if (!scanned) return;
  const auto full = nwaudit::plist::read_xml_document(text, "/fuzz.plist", keys);
  if (!full || nwaudit::plist::write_xml(*scanned) != nwaudit::plist::write_xml(*full)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = nwaudit::fuzz::bytes_of(data, size);
  check_agreement(text, kKeys);
  check_agreement(text, KeySelection({}, kNested));
  check_agreement(text, KeySelection(kKeys, kNested));
  return 0;
}
