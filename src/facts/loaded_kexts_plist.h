#pragma once

#include <string_view>

#include "nwaudit/capture/loaded_kexts.h"
#include "collector_support.h"
#include "nwaudit/plist/value.h"

namespace nwaudit::collector {

// The kexts of loaded-kexts.plist, as the records kmutil showloaded's rows give: the result of
// IOKit's KextManagerCopyLoadedKextInfo(NULL, NULL), a dictionary keyed by bundle identifier
// whose values hold the keys of xnu's libkern/libkern/OSKextLibPrivate.h; the bundle id and
// CFBundleVersion are read. The kernel's own record (__kernel__) is left out, as those tools
// do. An entry or version that cannot be used is noted in `fields`, naming the kext, and costs
// only itself. `root` is a dictionary, as read_plist makes sure.
capture::LoadedKexts loaded_kexts_from_plist(const plist::Value& root, PlistFields& fields);

// The keys of each kext's entry that loaded_kexts_from_plist reads: read the file with
// KeySelection({}, kLoadedKextKeys), and the rest of each entry is not converted.
inline constexpr std::string_view kLoadedKextKeys[] = {"CFBundleVersion"};

}  // namespace nwaudit::collector
