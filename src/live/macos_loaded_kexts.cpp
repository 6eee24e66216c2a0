// macOS only: the loaded kexts from IOKit's KextManagerCopyLoadedKextInfo
// (<IOKit/kext/KextManager.h>), serialized as an XML property list with CoreFoundation.
#include <CoreFoundation/CoreFoundation.h>
#include <IOKit/kext/KextManager.h>

#include <string>

#include "nwaudit/facts/snapshot_layout.h"
#include "macos_captures.h"

namespace nwaudit::live {
namespace {

Expected<std::string> loaded_kexts_plist() {
  const std::string path = collector::capture_path("loaded-kexts.plist");
  // NULL, NULL: every loaded kext, every key. A Copy function: the caller owns the result.
  CFDictionaryRef kexts = KextManagerCopyLoadedKextInfo(nullptr, nullptr);
  if (kexts == nullptr) return Error{ErrorKind::io, path, {}, "KextManagerCopyLoadedKextInfo returned nothing"};

  CFErrorRef error = nullptr;
  CFDataRef data = CFPropertyListCreateData(kCFAllocatorDefault, kexts, kCFPropertyListXMLFormat_v1_0, 0, &error);
  CFRelease(kexts);
  if (data == nullptr) {
    std::string reason = "CFPropertyListCreateData could not write the loaded kexts as a property list";
    if (error != nullptr) {
      reason += " (CFError code " + std::to_string(CFErrorGetCode(error)) + ")";
      CFRelease(error);
    }
    return Error{ErrorKind::malformed, path, {}, reason};
  }
  std::string bytes(reinterpret_cast<const char*>(CFDataGetBytePtr(data)), static_cast<std::size_t>(CFDataGetLength(data)));
  CFRelease(data);
  return bytes;
}

}  // namespace

LiveCapture loaded_kexts_capture() { return {"loaded-kexts.plist", loaded_kexts_plist}; }

}  // namespace nwaudit::live
