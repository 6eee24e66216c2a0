#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "nwaudit/base/expected.h"

namespace nwaudit::capture {

// One kind of network filter in net_api_stats: how many are attached now, and how many of
// those the OS attached itself (the _os_count fields, which macOS 11 and earlier lack).
struct FilterCounts {
  std::int64_t attached = 0;
  std::optional<std::int64_t> attached_by_os;

  // attached - attached_by_os: the filters the kernel's net_check_compatible_* functions count
  // as not Apple's. nullopt without the OS count, or when the difference does not fit.
  std::optional<std::int64_t> third_party() const;
};

// The net.api_stats sysctl (xnu bsd/net/net_api_stats.h): counters of the kernel's networking
// KPIs, the fields nwaudit uses.
struct NetApiStats {
  std::size_t layout = 0;  // the struct's size in bytes: kLayoutWithOsCounts or kLayoutBeforeOsCounts
  FilterCounts interface_filters;  // nas_iflt_attach_*
  FilterCounts ip_filters;         // nas_ipf_add_*
  FilterCounts socket_filters;     // nas_sfltr_register_*
  std::int64_t interfaces_allocated = 0;        // nas_ifnet_alloc_count: interfaces alive now
  std::int64_t interfaces_allocated_by_os = 0;  // nas_ifnet_alloc_os_count
  std::int64_t socket_necp_clients_total = 0;   // nas_socket_necp_clientuuid_total: since boot
  // nas_nx_flow_{inet,inet6}_{stream,dgram}_total, since boot. xnu's flow manager adds IPv4
  // flows to the inet6 counters and IPv6 flows to the inet ones, so only their sum is used.
  std::int64_t nexus_flows_inet_stream_total = 0;
  std::int64_t nexus_flows_inet_dgram_total = 0;
  std::int64_t nexus_flows_inet6_stream_total = 0;
  std::int64_t nexus_flows_inet6_dgram_total = 0;
  std::int64_t pf_rules_added_total = 0;        // nas_pf_addrule_total
  std::int64_t pf_rules_added_by_os_total = 0;  // nas_pf_addrule_os
  std::int64_t vmnet_total = 0;                 // nas_vmnet_total: vmnet interfaces bridged since boot

  // Interfaces allocated through the kext KPI ifnet_allocate() that are alive now.
  std::optional<std::int64_t> kext_interfaces() const;
  // Every flow-switch flow since boot; nullopt when the sum does not fit.
  std::optional<std::int64_t> nexus_flows_total() const;
};

// 52 int64 fields since macOS 12 (xnu-8019.41.5, NAS_HAS_FLTR_OS_COUNTS); 49 before, without
// nas_iflt_attach_os_count, nas_ipf_add_os_count and nas_sfltr_register_os_count.
inline constexpr std::size_t kLayoutWithOsCounts = 416;
inline constexpr std::size_t kLayoutBeforeOsCounts = 392;

// The raw bytes `sysctl -b net.api_stats` writes, little-endian on every Mac. The layout is
// chosen by the size; any other size is an Error (malformed) naming `name`.
Expected<NetApiStats> decode_net_api_stats(std::string_view bytes, std::string_view name);

}  // namespace nwaudit::capture
