// A snapshot's loaded-kexts.plist (IOKit's loaded-kext records), read as the kext collector reads it.
#include "facts/loaded_kexts_plist.h"
#include "fuzz_input.h"
#include "nwaudit/plist/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto root = nwaudit::plist::parse(nwaudit::fuzz::bytes_of(data, size), "/.nwaudit/loaded-kexts.plist",
                                    nwaudit::plist::KeySelection({}, nwaudit::collector::kLoadedKextKeys));
  if (!root || !root->dictionary()) return 0;
  nwaudit::Facts facts("fuzz", "fuzz");
  nwaudit::collector::PlistFields fields(facts.record_read("kexts", "/.nwaudit/loaded-kexts.plist"));
  nwaudit::collector::loaded_kexts_from_plist(*root, fields);
  return 0;
}
