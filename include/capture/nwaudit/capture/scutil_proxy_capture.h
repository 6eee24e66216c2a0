#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nwaudit/capture/text_lines.h"

namespace nwaudit::capture {

// The switch, server and port keys of each kind of proxy, as a service's Proxies dictionary
// in preferences.plist and the system's proxies in the dynamic store both name them.
struct ProxyKeys {
  const char* kind;
  const char* enable;
  const char* host;  // the key of the host or URL; nullptr when there is none
  const char* port;  // nullptr when there is none
};
inline constexpr std::array<ProxyKeys, 7> kProxyKeys{{
    {"http", "HTTPEnable", "HTTPProxy", "HTTPPort"},
    {"https", "HTTPSEnable", "HTTPSProxy", "HTTPSPort"},
    {"socks", "SOCKSEnable", "SOCKSProxy", "SOCKSPort"},
    {"ftp", "FTPEnable", "FTPProxy", "FTPPort"},
    {"rtsp", "RTSPEnable", "RTSPProxy", "RTSPPort"},
    {"pac", "ProxyAutoConfigEnable", "ProxyAutoConfigURLString", nullptr},
    {"auto-discovery", "ProxyAutoDiscoveryEnable", nullptr, nullptr},
}};
inline constexpr std::string_view kProxyKinds[] = {"http", "https", "socks", "ftp", "rtsp", "pac", "auto-discovery"};

// A proxy `scutil --proxy` shows switched on: the system's proxy settings in effect, for the
// service that is primary, as SCDynamicStore's State:/Network/Global/Proxies holds them.
struct EffectiveProxy {
  std::string kind;                // "http", "https", "socks", "ftp", "rtsp", "pac" or "auto-discovery"
  std::string host;                // the server, or for "pac" the configuration's URL; empty when unset
  std::optional<std::int64_t> port;
};

struct ProxyConfiguration {
  bool dictionary_found = false;  // the top "<dictionary> {"
  std::vector<EffectiveProxy> proxies;
  std::vector<Error> problems;  // lines that could not be read
};

ProxyConfiguration parse_scutil_proxy(std::string_view text);

}  // namespace nwaudit::capture
