#include "nwaudit/macho/network_kpis.h"

#include <array>
#include <string_view>

namespace nwaudit::macho {
namespace {

struct KnownKpi {
  std::string_view symbol;
  NetworkCapability capability;
};

// The public network KPIs of xnu that reveal what a kext does, from the headers that declare them:
//   bsd/sys/kpi_socketfilter.h     sflt_register
//   bsd/netinet/kpi_ipfilter.h     ipf_addv4, ipf_addv6
//   bsd/net/kpi_interfacefilter.h  iflt_attach
//   bsd/net/kpi_interface.h        ifnet_allocate, ifnet_allocate_extended, ifnet_attach
//   bsd/sys/kern_control.h         ctl_register
// (ifnet_allocate_internal is private to Apple and never imported by a third-party kext.)
constexpr std::array<KnownKpi, 8> kNetworkKpis{{
    {"sflt_register", NetworkCapability::socket_filter},
    {"ipf_addv4", NetworkCapability::ip_filter},
    {"ipf_addv6", NetworkCapability::ip_filter},
    {"iflt_attach", NetworkCapability::interface_filter},
    {"ifnet_allocate", NetworkCapability::creates_interface},
    {"ifnet_allocate_extended", NetworkCapability::creates_interface},
    {"ifnet_attach", NetworkCapability::creates_interface},
    {"ctl_register", NetworkCapability::kernel_control},
}};

}  // namespace

const char* to_string(NetworkCapability capability) {
  switch (capability) {
    case NetworkCapability::socket_filter: return "socket-filter";
    case NetworkCapability::ip_filter: return "ip-filter";
    case NetworkCapability::interface_filter: return "interface-filter";
    case NetworkCapability::creates_interface: return "creates-interface";
    case NetworkCapability::kernel_control: return "kernel-control";
  }
  return "unknown";
}

std::vector<NetworkKpi> network_kpis_in(const std::vector<std::string>& imported) {
  std::vector<NetworkKpi> found;
  for (const std::string& symbol : imported) {
    for (const KnownKpi& kpi : kNetworkKpis) {
      if (symbol == kpi.symbol) found.push_back(NetworkKpi{symbol, kpi.capability});
    }
  }
  return found;
}

}  // namespace nwaudit::macho
