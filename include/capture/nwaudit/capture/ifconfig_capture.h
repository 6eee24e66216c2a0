#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nwaudit/capture/text_lines.h"

namespace nwaudit::capture {

// One "agent domain:D type:T flags:0xNN desc:"..."" line: a network agent on the interface.
struct NetworkAgent {
  std::string domain;       // "Skywalk", "NetworkExtension", "ids501", ...
  std::string type;         // "FlowSwitch", "NetIf", "VPN", ...
  std::uint32_t flags = 0;  // NETAGENT_FLAG_* bits
  std::string description;  // without its quotes
};

// One interface block of `ifconfig -v`.
struct IfconfigInterface {
  std::string name;
  std::optional<std::uint32_t> mtu;
  std::string type;  // "Wi-Fi", "Ethernet", "IP over Thunderbolt", ...; empty without a "type:" line
  std::vector<NetworkAgent> agents;
  std::vector<std::string> bridge_members;  // for a bridge: the interfaces on its "member:" lines
  std::string status;                       // "active", "inactive", ...; empty without a "status:" line
  std::vector<std::string> inet;            // addresses only: "192.168.1.23"
  std::vector<std::string> inet6;           // "fe80::1%lo0"

  // Whether the block is `ifconfig -v` output: its header has the "index N" that only -v prints.
  // Without -v, ifconfig prints no eflags, xflags, type, nexus or agent lines, so the values below
  // that come from them say nothing about the interface (options are printed either way).
  bool verbose = false;

  // Derived once the whole capture is read. The eflags and xflags words are printed only by -v,
  // and then only when non-zero: in a verbose block without them, their bits count as clear.
  bool has_netif = false;                 // a "netif:" line: a netif nexus, native or compat, is attached
  bool has_flowswitch = false;            // a "flowswitch:" line with the flow switch's nexus UUID
  bool skywalk_flowswitch_agent = false;  // an agent with domain Skywalk, type FlowSwitch
  bool nexus_provider = false;            // that agent has NETAGENT_FLAG_NEXUS_PROVIDER (0x80)
  bool txstart = false;                   // eflags TXSTART (IFEF_TXSTART, 0x80): not the legacy TX model
  bool native = false;                    // eflags CHANNEL_DRV (IFEF_SKYWALK_NATIVE): a native Skywalk driver
  bool channel_io = false;                // options CHANNEL_IO (IFCAP_SKYWALK): it has a netif
  bool no_auto_nexus = false;             // xflags NOAUTONX (IFXF_NX_NOAUTO)
  bool legacy = false;                    // xflags LEGACY (IFXF_LEGACY)
  bool allocated_by_kpi = false;          // xflags ALLOCKPI: a kext's ifnet_allocate()
  bool low_latency = false;               // xflags LOWLAT (IFXF_LOW_LATENCY)
  std::string member_of_bridge;           // the bridge whose "member:" lines name this interface
  bool carries_default_route = false;     // named by the capture's `route -n get default` block
};

struct IfconfigCapture {
  std::vector<IfconfigInterface> interfaces;
  std::vector<Error> problems;  // lines that could not be read
};

// Reads `ifconfig -v` output (plain `ifconfig` works too, with less in it: its blocks are marked not
// verbose). The same text may also
// hold the output of `route -n get default`, before or after; its "interface:" line then marks the
// interface that carries the default route. Lines ifconfig prints that are not collected here are
// skipped; a collected line that is malformed is reported as a problem and skipped.
IfconfigCapture parse_ifconfig(std::string_view text);

}  // namespace nwaudit::capture
