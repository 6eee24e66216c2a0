#include <plist/plist.h>

#include <cstdlib>
#include <memory>

#include "nwaudit/plist/parse.h"
#include "binary_plist_layout.h"
#include "iso8601.h"
#include "key_selection.h"

namespace nwaudit::plist {
namespace {

struct PlistFree {
  void operator()(plist_t node) const { plist_free(node); }
};
using PlistPtr = std::unique_ptr<void, PlistFree>;

// Memory libplist hands to the caller.
void release(void* memory) {
#ifdef NWAUDIT_LIBPLIST_UNIX_DATES
  plist_mem_free(memory);
#else
  std::free(memory);  // NOLINT: libplist before 2.3 documents free()
#endif
}

Date date_of(plist_t node) {
#ifdef NWAUDIT_LIBPLIST_UNIX_DATES
  std::int64_t seconds = 0;
  plist_get_unix_date_val(node, &seconds);
  return Date{static_cast<double>(seconds)};
#else
  std::int32_t seconds = 0;
  std::int32_t microseconds = 0;
  plist_get_date_val(node, &seconds, &microseconds);
  return Date{kAppleEpochUnixSeconds + seconds + microseconds / 1e6};
#endif
}

// The layout check has bounded the depth and size, so plain recursion is safe here. `keys`
// selects the entries of the dictionary at hand.
std::optional<Value> convert(plist_t node, KeySelection keys = {}) {
  switch (plist_get_node_type(node)) {
    case PLIST_BOOLEAN: {
      std::uint8_t value = 0;
      plist_get_bool_val(node, &value);
      return Value(value != 0);
    }
    case PLIST_UINT: {
      std::uint64_t value = 0;
      plist_get_uint_val(node, &value);
      return Value(static_cast<std::int64_t>(value));  // 8-byte integers are signed in the format
    }
    case PLIST_REAL: {
      double value = 0;
      plist_get_real_val(node, &value);
      return Value(value);
    }
    case PLIST_STRING:
    case PLIST_KEY: {
      std::uint64_t length = 0;
      const char* text = plist_get_string_ptr(node, &length);
      return Value(std::string(text == nullptr ? "" : text, static_cast<std::size_t>(length)));
    }
    case PLIST_DATE: return Value(date_of(node));
    case PLIST_DATA: {
      std::uint64_t length = 0;
      const char* bytes = plist_get_data_ptr(node, &length);
      const auto* first = reinterpret_cast<const std::uint8_t*>(bytes);
      return Value(bytes == nullptr ? Data{} : Data(first, first + length));
    }
    case PLIST_UID: {
      std::uint64_t value = 0;
      plist_get_uid_val(node, &value);
      return Value(Uid{value});
    }
    case PLIST_ARRAY: {
      Array items;
      const std::uint32_t count = plist_array_get_size(node);
      items.reserve(count);
      for (std::uint32_t i = 0; i < count; ++i) {
        auto item = convert(plist_array_get_item(node, i));
        if (!item) return std::nullopt;
        items.push_back(std::move(*item));
      }
      return Value(std::move(items));
    }
    case PLIST_DICT: {
      Dictionary entries;
      plist_dict_iter iterator = nullptr;
      plist_dict_new_iter(node, &iterator);
      std::optional<Value> result;
      for (;;) {
        char* key = nullptr;
        plist_t item = nullptr;
        plist_dict_next_item(node, iterator, &key, &item);
        if (item == nullptr) {
          if (key != nullptr) release(key);
          result = Value(std::move(entries));
          break;
        }
        if (key != nullptr && !is_selected(keys.top, key)) {
          release(key);
          continue;
        }
        auto converted = convert(item, keys.for_values());
        if (!converted || key == nullptr) {
          if (key != nullptr) release(key);
          break;
        }
        entries.insert_or_assign(std::string(key), std::move(*converted));
        release(key);
      }
      release(iterator);
      return result;
    }
    default: return std::nullopt;
  }
}

}  // namespace

Expected<Value> parse_binary(std::string_view bytes, std::string_view name, KeySelection keys) {
  if (auto sound = check_binary_plist_layout(bytes, name); !sound) return std::move(sound).error();
  plist_t root = nullptr;
  plist_from_bin(bytes.data(), static_cast<std::uint32_t>(bytes.size()), &root);
  PlistPtr owner(root);
  std::optional<Value> value = root == nullptr ? std::nullopt : convert(root, keys);
  if (!value) return Error{ErrorKind::malformed, std::string(name), {}, "libplist could not decode this binary plist"};
  return *std::move(value);
}

}  // namespace nwaudit::plist
