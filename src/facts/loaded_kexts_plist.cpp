#include "loaded_kexts_plist.h"

#include <limits>
#include <optional>
#include <string>

#include "nwaudit/base/uuid_text.h"

namespace nwaudit::collector {
namespace {

// kOSKextKernelIdentifier (xnu libkern/libkern/OSKextLib.h).
constexpr std::string_view kKernelIdentifier = "__kernel__";

// One kext's info dictionary.
class Entry {
 public:
  Entry(const plist::Value& info, const std::string& bundle_id, PlistFields& fields)
      : info_(info), bundle_id_(bundle_id), fields_(fields) {}

  std::string text(std::string_view key) {
    const plist::Value* value = get(key, plist::Kind::string);
    return value == nullptr ? std::string() : *value->string();
  }

  // Load tags and retain counts: 32-bit numbers in the kernel.
  std::optional<int> small_number(std::string_view key) {
    const plist::Value* value = get(key, plist::Kind::integer);
    return value == nullptr ? std::nullopt : to_int(*value->integer(), name(key));
  }

  // Addresses and sizes, unsigned in the kernel. A kernel address above 2^63 is written as a
  // negative integer when CoreFoundation holds it as a signed number; the bits are the same.
  std::optional<std::uint64_t> large_number(std::string_view key) {
    const plist::Value* value = get(key, plist::Kind::integer);
    return value == nullptr ? std::nullopt : std::optional(static_cast<std::uint64_t>(*value->integer()));
  }

  std::string uuid(std::string_view key) {
    const plist::Value* value = get(key, plist::Kind::data);
    if (value == nullptr) return {};
    if (value->data()->size() == kUuidBytes) return uuid_text(*value->data());
    fields_.note(name(key) + " is " + std::to_string(value->data()->size()) + " bytes where a 16-byte UUID belongs");
    return {};
  }

  // OSBundleDependencies: the load tags of the kexts this one links against.
  std::vector<int> load_tags(std::string_view key) {
    std::vector<int> tags;
    const plist::Value* value = get(key, plist::Kind::array);
    if (value == nullptr) return tags;
    const std::string what = "a member of " + name(key);
    for (const plist::Value& member : *value->array()) {
      if (!fields_.is(member, plist::Kind::integer, what)) continue;
      if (auto tag = to_int(*member.integer(), what)) tags.push_back(*tag);
    }
    return tags;
  }

 private:
  std::string name(std::string_view key) const { return std::string(key) + " of " + bundle_id_; }

  const plist::Value* get(std::string_view key, plist::Kind kind) {
    const plist::Value* value = info_.find(key);
    return value != nullptr && fields_.is(*value, kind, name(key)) ? value : nullptr;
  }

  std::optional<int> to_int(std::int64_t number, const std::string& what) {
    if (number >= std::numeric_limits<int>::min() && number <= std::numeric_limits<int>::max()) {
      return static_cast<int>(number);
    }
    fields_.note(what + " is " + std::to_string(number) + ", out of range");
    return std::nullopt;
  }

  const plist::Value& info_;
  const std::string& bundle_id_;
  PlistFields& fields_;
};

}  // namespace

capture::LoadedKexts loaded_kexts_from_plist(const plist::Value& root, PlistFields& fields) {
  capture::LoadedKexts loaded;
  for (const auto& [bundle_id, info] : *root.dictionary()) {
    if (bundle_id == kKernelIdentifier) continue;
    if (!fields.is(info, plist::Kind::dictionary, "the entry of " + bundle_id)) continue;
    Entry entry(info, bundle_id, fields);
    capture::LoadedKext kext;
    kext.bundle_id = bundle_id;
    kext.version = entry.text("CFBundleVersion");
    kext.index = entry.small_number("OSBundleLoadTag");
    kext.references = entry.small_number("OSBundleRetainCount");
    kext.address = entry.large_number("OSBundleLoadAddress");
    kext.size = entry.large_number("OSBundleLoadSize");
    kext.wired = entry.large_number("OSBundleWiredSize");
    kext.uuid = entry.uuid("OSBundleUUID");
    kext.linked_against = entry.load_tags("OSBundleDependencies");
    loaded.kexts.push_back(std::move(kext));
  }
  return loaded;
}

}  // namespace nwaudit::collector
