#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "nwaudit/capture/text_lines.h"

namespace nwaudit::capture {

// One service of `scutil --nc list`: the VPN and PPP services of the current set, e.g.
// `* (Connected)  6B1C…7C8D VPN (com.example.vpn) "Example VPN"  [VPN:com.example.vpn]`, or
// `* (Disconnected)  08A9…6D18 PPP --> L2TP  "Office"  [PPP:L2TP]`.
// Its name is left out: people choose it.
struct NetworkConnectionService {
  bool enabled = false;   // marked with "*"
  std::string status;     // "Connected", "Disconnected", "Connecting", "Invalid", ...
  std::string service_id;
  std::string kind;       // "VPN", "PPP", "IPSec", ...
  std::string subtype;    // a provider's bundle identifier, a built-in type or what PPP runs over; empty when none
};

struct NetworkConnectionList {
  bool header_found = false;  // the "Available network connection services" line
  std::vector<NetworkConnectionService> services;
  std::vector<Error> problems;  // lines that could not be read
};

NetworkConnectionList parse_scutil_nc_list(std::string_view text);

}  // namespace nwaudit::capture
