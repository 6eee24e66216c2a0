#include "nwaudit/facts/os_collector.h"

#include <charconv>

#include "nwaudit/plist/parse.h"

namespace nwaudit {
namespace {

constexpr const char* kCollector = "os";
constexpr const char* kSystemVersion = "/System/Library/CoreServices/SystemVersion.plist";

// "14.4.1" -> 14, 4, 1; missing parts are 0. False when the text is not a dotted version.
bool split_version(std::string_view text, int (&parts)[3]) {
  parts[0] = parts[1] = parts[2] = 0;
  std::size_t index = 0;
  while (!text.empty() && index < 3) {
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), parts[index]);
    if (error != std::errc() || parts[index] < 0) return false;
    text.remove_prefix(static_cast<std::size_t>(end - text.data()));
    ++index;
    if (text.empty()) return true;
    if (text.front() != '.') return false;
    text.remove_prefix(1);
  }
  return text.empty();
}

std::string string_at(const plist::Value& root, const char* key) {
  const plist::Value* value = root.find(key);
  return value != nullptr && value->string() != nullptr ? *value->string() : std::string();
}

}  // namespace

void collect_os(const Source& source, Facts& facts) {
  auto system_version = plist::read(source, kSystemVersion);
  if (!system_version) {
    facts.record_problem(kCollector, system_version.error());
    return;
  }
  facts.record_read(kCollector, kSystemVersion);
  const std::string product = string_at(*system_version, "ProductName");
  const std::string version = string_at(*system_version, "ProductVersion");
  int parts[3];
  const bool numeric = split_version(version, parts);

  pugi::xml_node os = facts.add("os");
  os.append_attribute("product") = product.c_str();
  os.append_attribute("macos") = product == "macOS" || product == "Mac OS X" || product == "Mac OS X Server";
  os.append_attribute("version") = version.c_str();
  if (numeric) {
    os.append_attribute("major") = parts[0];
    os.append_attribute("minor") = parts[1];
    os.append_attribute("patch") = parts[2];
  }
  os.append_attribute("build") = string_at(*system_version, "ProductBuildVersion").c_str();
  os.append_attribute("source") = kSystemVersion;
}

}  // namespace nwaudit
