#include "nwaudit/facts/sysdiagnose_source.h"

#include <array>

namespace nwaudit {
namespace {

// A Mac path and the files of a sysdiagnose that stand for it, the first present taken. For a
// preference file, `missing` says why its absence is a blind spot; a capture without one is only
// missing, as in any snapshot.
struct Copy {
  std::string_view mac_path;
  std::array<std::string_view, 2> candidates;
  std::string_view missing;
};

constexpr std::string_view kNoCopy =
    "a sysdiagnose has a copy of this file only when get-network-info ran with -c, and this one has none";

// get-network-info writes network-info/ (configd: the get-network-info script up to macOS 15.3,
// its Swift collector after); sysdiagnose itself writes sw_vers.txt at the top.
constexpr Copy kCopies[] = {
    {"/.nwaudit/sw_vers.txt", {"/sw_vers.txt", ""}, ""},
    {"/.nwaudit/ifconfig-v.txt", {"/network-info/ifconfig.txt", ""}, ""},
    {"/.nwaudit/pfctl-all.txt", {"/network-info/pf.txt", "/network-info/pf"}, ""},
    {"/.nwaudit/skywalkctl-flow.txt", {"/network-info/skywalk.txt", ""}, ""},
    {"/.nwaudit/sysctl.txt", {"/network-info/sysctl.txt", ""}, ""},
    {"/.nwaudit/scutil-nc-list.txt", {"/network-info/nc-info.txt", ""}, ""},
    {"/.nwaudit/scutil-proxy.txt", {"/network-info/proxy-configuration.txt", ""}, ""},
    {"/Library/Preferences/SystemConfiguration/preferences.plist",
     {"/network-info/preferences.plist", "/SystemConfiguration/preferences.plist"}, kNoCopy},
    {"/Library/Preferences/SystemConfiguration/NetworkInterfaces.plist",
     {"/network-info/NetworkInterfaces.plist", "/SystemConfiguration/NetworkInterfaces.plist"}, kNoCopy},
    {"/Library/Preferences/com.apple.networkextension.plist", {"/network-info/com.apple.networkextension.plist", ""},
     kNoCopy},
};

constexpr std::string_view kNoKexts = "a sysdiagnose holds no kext bundles: installed kexts cannot be seen";

// What a sysdiagnose never holds, by folder or file.
constexpr std::pair<std::string_view, std::string_view> kNeverHeld[] = {
    {"/Library/Extensions", kNoKexts},
    {"/Library/StagedExtensions", kNoKexts},
    {"/Library/Apple/System/Library/Extensions", kNoKexts},
    {"/System/Library/Extensions", kNoKexts},
    {"/Library/SystemExtensions",
     "a sysdiagnose holds no copy of the system extensions database: which system extensions (content filters, "
     "proxies, VPNs) are active cannot be seen"},
    {"/Library/Preferences/com.apple.alf.plist",
     "a sysdiagnose holds no Application Firewall settings: whether the firewall is on cannot be seen"},
    {"/Library/Managed Preferences",
     "a sysdiagnose holds no managed preferences: settings from configuration profiles cannot be seen"},
};

// Whether `path` is `folder` or inside it.
bool is_within(std::string_view path, std::string_view folder) {
  return path.starts_with(folder) && (path.size() == folder.size() || path[folder.size()] == '/');
}

bool is_directory(const Source& source, const std::string& path) {
  auto status = source.status(path);
  return status && status->type == FileType::directory;
}

bool exists(const Source& source, const std::string& path) { return static_cast<bool>(source.status(path)); }

bool holds_sysdiagnose(const Source& source, const std::string& top) {
  return is_directory(source, top + "/network-info") && (top.empty() || !exists(source, top + "/System")) &&
         (exists(source, top + "/sw_vers.txt") || exists(source, top + "/network-info/ifconfig.txt"));
}

// An inner Error about the Mac path asked for; when the file is the sysdiagnose's copy of another
// name, its reason says which.
template <class T>
Expected<T> about_mac_path(Expected<T> result, std::string_view mac_path, const std::string& inner_path,
                           const std::string& top) {
  if (result) return result;
  Error error = std::move(result).error();
  const bool copy = inner_path.size() > top.size() + 1 && inner_path != top + std::string(mac_path);
  if (copy) error.reason += " (the sysdiagnose's " + inner_path.substr(top.size() + 1) + ")";
  error.path = mac_path;
  return error;
}

}  // namespace

std::optional<std::string> find_sysdiagnose(const Source& source) {
  // A Mac's own tree, the usual case, costs one look-up of a folder the collectors read anyway.
  if (exists(source, "/System")) return std::nullopt;
  if (holds_sysdiagnose(source, "")) return std::string();
  auto entries = source.list_directory("/");
  if (!entries) return std::nullopt;
  std::optional<std::string> found;
  for (const DirectoryEntry& entry : *entries) {
    if (entry.name.starts_with('.')) continue;
    if (found || entry.type != FileType::directory || !entry.name.starts_with("sysdiagnose_")) return std::nullopt;
    found = "/" + entry.name;
  }
  if (found && holds_sysdiagnose(source, *found)) return found;
  return std::nullopt;
}

Expected<std::string> SysdiagnoseSource::resolve(std::string_view path) const {
  for (const Copy& copy : kCopies) {
    if (path != copy.mac_path) continue;
    std::string looked_for;
    for (std::string_view candidate : copy.candidates) {
      if (candidate.empty()) continue;
      const std::string inner_path = top_ + std::string(candidate);
      if (exists(inner_, inner_path)) return inner_path;
      looked_for += (looked_for.empty() ? "" : " or ") + std::string(candidate.substr(1));
    }
    if (!copy.missing.empty()) return Error{ErrorKind::wrong_type, std::string(path), {}, std::string(copy.missing)};
    return Error{ErrorKind::not_found, std::string(path), {}, "the sysdiagnose has no " + looked_for};
  }
  for (const auto& [folder, reason] : kNeverHeld) {
    if (is_within(path, folder)) return Error{ErrorKind::wrong_type, std::string(path), {}, std::string(reason)};
  }
  if (is_within(path, "/.nwaudit")) {
    return Error{ErrorKind::not_found, std::string(path), {}, "a sysdiagnose has no output of this command"};
  }
  return top_ + (path == "/" && !top_.empty() ? std::string() : std::string(path));
}

Expected<std::unique_ptr<RandomAccessFile>> SysdiagnoseSource::open_file(std::string_view path) const {
  auto inner_path = resolve(path);
  if (!inner_path) return std::move(inner_path).error();
  return about_mac_path(inner_.open_file(*inner_path), path, *inner_path, top_);
}

Expected<std::vector<DirectoryEntry>> SysdiagnoseSource::list_directory(std::string_view path) const {
  auto inner_path = resolve(path);
  if (!inner_path) return std::move(inner_path).error();
  return about_mac_path(inner_.list_directory(*inner_path), path, *inner_path, top_);
}

Expected<FileStatus> SysdiagnoseSource::status(std::string_view path) const {
  auto inner_path = resolve(path);
  if (!inner_path) return std::move(inner_path).error();
  return about_mac_path(inner_.status(*inner_path), path, *inner_path, top_);
}

Expected<std::string> SysdiagnoseSource::read_link(std::string_view path) const {
  auto inner_path = resolve(path);
  if (!inner_path) return std::move(inner_path).error();
  return about_mac_path(inner_.read_link(*inner_path), path, *inner_path, top_);
}

std::string SysdiagnoseSource::description() const {
  return "the sysdiagnose in " + inner_.description() + (top_.empty() ? "" : " (" + top_.substr(1) + ")");
}

}  // namespace nwaudit
