#include "nwaudit/base/limits.h"
#include "nwaudit/plist/parse.h"

namespace nwaudit::plist {

Expected<Value> parse(std::string_view bytes, std::string_view name) {
  if (bytes.substr(0, 6) == "bplist") return parse_binary(bytes, name);
  if (bytes.empty()) return Error{ErrorKind::malformed, std::string(name), {}, "empty file"};
  return parse_xml(bytes, name);
}

Expected<Value> read(const Source& source, std::string_view path) {
  auto bytes = source.read_file(path, limits::kMaxPlistBytes);
  if (!bytes) return std::move(bytes).error();
  return parse(*bytes, path);
}

}  // namespace nwaudit::plist
