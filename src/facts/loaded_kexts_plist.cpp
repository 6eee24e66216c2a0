#include "loaded_kexts_plist.h"

#include <string>

namespace nwaudit::collector {
namespace {

// kOSKextKernelIdentifier (xnu libkern/libkern/OSKextLib.h).
constexpr std::string_view kKernelIdentifier = "__kernel__";

}  // namespace

capture::LoadedKexts loaded_kexts_from_plist(const plist::Value& root, PlistFields& fields) {
  capture::LoadedKexts loaded;
  for (const auto& [bundle_id, info] : *root.dictionary()) {
    if (bundle_id == kKernelIdentifier) continue;
    if (!fields.is(info, plist::Kind::dictionary, "the entry of " + bundle_id)) continue;
    capture::LoadedKext kext;
    kext.bundle_id = bundle_id;
    const plist::Value* version = info.find("CFBundleVersion");
    if (version != nullptr && fields.is(*version, plist::Kind::string, "CFBundleVersion of " + bundle_id)) {
      kext.version = *version->string();
    }
    loaded.kexts.push_back(std::move(kext));
  }
  return loaded;
}

}  // namespace nwaudit::collector
