#pragma once

#include <string>
#include <vector>

namespace nwaudit::macho {

// What a kext can do to network traffic, told by the kernel programming interface it imports.
enum class NetworkCapability {
  socket_filter,      // sees and may alter or block the data of every socket of a domain
  ip_filter,          // sees and may alter or block every IPv4 or IPv6 packet
  interface_filter,   // sees and may alter or block every packet of a network interface
  creates_interface,  // adds its own network interface (a tunnel, a bridge, a virtual adapter)
  kernel_control,     // talks with a user-space process through a kernel control socket
};

// "socket-filter", "ip-filter", "interface-filter", "creates-interface", "kernel-control".
const char* to_string(NetworkCapability capability);

struct NetworkKpi {
  std::string symbol;  // as imported, without the leading underscore: "sflt_register"
  NetworkCapability capability;
};

// The network KPIs among a kext's imported symbols (as macho::scan_imports lists them),
// in the order they appear there.
std::vector<NetworkKpi> network_kpis_in(const std::vector<std::string>& imported);

}  // namespace nwaudit::macho
