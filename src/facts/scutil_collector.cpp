#include "nwaudit/capture/scutil_nc_list_capture.h"
#include "nwaudit/capture/scutil_proxy_capture.h"
#include "collector_registry.h"
#include "collector_support.h"

namespace nwaudit {
namespace {

constexpr const char* kCollector = "scutil";

// The VPN and PPP services and the system's proxies as the dynamic store had them: captured by
// some snapshots only (a sysdiagnose's network-info/nc-info.txt and proxy-configuration.txt),
// so read only when there.
void collect_network_connections(const collector::Input& input, Facts& facts) {
  const std::string path = collector::capture_path("scutil-nc-list.txt");
  if (!input.source.status(path)) return;
  const auto list = collector::read_capture(input.source, facts, kCollector, path, capture::parse_scutil_nc_list);
  if (!list) return;
  if (!list->header_found && list->services.empty()) {
    facts.record_problem(kCollector, Error{ErrorKind::malformed, path, {}, "no scutil --nc list output in the capture"});
    return;
  }
  const std::size_t taken = collector::entries_to_take(facts, kCollector, path, list->services.size(), "services");
  for (std::size_t i = 0; i < taken; ++i) {
    const capture::NetworkConnectionService& service = list->services[i];
    FactElement element = facts.add("network-connection");
    element.set("service-id", service.service_id);
    element.set("kind", service.kind);
    if (!service.subtype.empty()) element.set("subtype", service.subtype);
    element.set("status", service.status);
    element.set("enabled", service.enabled);
    element.set("source", path);
  }
}

void collect_effective_proxies(const collector::Input& input, Facts& facts) {
  const std::string path = collector::capture_path("scutil-proxy.txt");
  if (!input.source.status(path)) return;
  const auto configuration = collector::read_capture(input.source, facts, kCollector, path, capture::parse_scutil_proxy);
  if (!configuration) return;
  if (!configuration->dictionary_found) {
    facts.record_problem(kCollector, Error{ErrorKind::malformed, path, {}, "no scutil --proxy dictionary in the capture"});
    return;
  }
  for (const capture::EffectiveProxy& proxy : configuration->proxies) {
    FactElement element = facts.add("effective-proxy");
    element.set("kind", proxy.kind);
    if (!proxy.host.empty()) element.set("host", proxy.host);
    if (proxy.port) element.set("port", *proxy.port);
    element.set("source", path);
  }
}

void collect_scutil(const collector::Input& input, Facts& facts) {
  collect_network_connections(input, facts);
  collect_effective_proxies(input, facts);
}

constexpr contract::Attribute kConnection[] = {
    {"service-id", contract::Type::text, "the service's identifier in the network configuration"},
    {"kind", contract::Type::text, "VPN, PPP, IPSec or another type scutil names"},
    {"subtype", contract::Type::text, "the VPN provider's bundle identifier, or a built-in type; absent when none"},
    {"status", contract::Type::text, "Connected, Disconnected, Connecting, Disconnecting or Invalid, as scutil says"},
    {"enabled", contract::Type::boolean, "whether the service is enabled in the current set"},
    {"source", contract::Type::path, "the capture"},
};
constexpr contract::Attribute kProxy[] = {
    {"kind", contract::Type::enumeration, "which proxy; pac has the configuration's URL as its host",
     capture::kProxyKinds},
    {"host", contract::Type::text, "the proxy's host; for pac, the configuration's URL; absent when unset"},
    {"port", contract::Type::integer, "the proxy's port; absent when unset"},
    {"source", contract::Type::path, "the capture"},
};
constexpr contract::Element kContract[] = {
    {"/facts/network-connection", "a VPN or PPP service and whether it was connected when the capture was made",
     "scutil --nc list (scutil-nc-list.txt; a sysdiagnose's network-info/nc-info.txt)", kConnection},
    {"/facts/effective-proxy", "a proxy switched on in the system's proxy settings in effect",
     "scutil --proxy (scutil-proxy.txt; a sysdiagnose's network-info/proxy-configuration.txt)", kProxy},
};

}  // namespace

namespace collector {
extern const Registration scutil_collector{{kCollector, kContract}, collect_scutil};
}  // namespace collector

}  // namespace nwaudit
