#include <algorithm>

#include "nwaudit/base/limits.h"
#include "key_selection.h"
#include "nwaudit/plist/parse.h"

namespace nwaudit::plist {

Expected<Value> parse(std::string_view bytes, std::string_view name, KeySelection keys) {
  if (bytes.substr(0, 6) == "bplist") return parse_binary(bytes, name, keys);
  if (bytes.empty()) return Error{ErrorKind::malformed, std::string(name), {}, "empty file"};
  return parse_xml(bytes, name, keys);
}

Expected<Value> read(const Source& source, std::string_view path, KeySelection keys) {
  auto bytes = source.read_file(path, limits::kMaxPlistBytes);
  if (!bytes) return std::move(bytes).error();
  return parse(*bytes, path, keys);
}

bool is_selected(std::span<const std::string_view> keys, std::string_view key) {
  return keys.empty() || std::find(keys.begin(), keys.end(), key) != keys.end();
}

}  // namespace nwaudit::plist
