#include "nwaudit/capture/net_api_stats.h"

#include <string>

namespace nwaudit::capture {
namespace {

constexpr std::size_t kFieldBytes = 8;

// Where each field nwaudit reads sits, counted in int64 fields from the start of the struct.
struct FieldIndexes {
  std::size_t iflt_attach_count;
  std::optional<std::size_t> iflt_attach_os_count;
  std::size_t ipf_add_count;
  std::optional<std::size_t> ipf_add_os_count;
  std::size_t sfltr_register_count;
  std::optional<std::size_t> sfltr_register_os_count;
  std::size_t socket_necp_clientuuid_total;
  std::size_t nx_flow_inet_stream_total;  // the three other nx_flow totals follow it
  std::size_t ifnet_alloc_count;
  std::size_t ifnet_alloc_os_count;
  std::size_t pf_addrule_total;
  std::size_t pf_addrule_os;
  std::size_t vmnet_total;
};

constexpr FieldIndexes kWithOsCounts{0, 1, 4, 5, 8, 9, 15, 41, 45, 47, 49, 50, 51};
constexpr FieldIndexes kBeforeOsCounts{0, std::nullopt, 3, std::nullopt, 6, std::nullopt, 12, 38, 42, 44, 46, 47, 48};

class Fields {
 public:
  explicit Fields(std::string_view bytes) : bytes_(bytes) {}

  // Little-endian, as every Mac (Intel or Apple silicon) stores it, whatever this host is.
  std::int64_t at(std::size_t index) const {
    std::uint64_t value = 0;
    for (std::size_t byte = kFieldBytes; byte-- > 0;) {
      value = (value << 8) | static_cast<std::uint64_t>(static_cast<std::uint8_t>(bytes_[index * kFieldBytes + byte]));
    }
    return static_cast<std::int64_t>(value);
  }
  std::optional<std::int64_t> at(std::optional<std::size_t> index) const {
    return index ? std::optional(at(*index)) : std::nullopt;
  }

 private:
  std::string_view bytes_;
};

std::optional<std::int64_t> difference(std::int64_t a, std::int64_t b) {
  std::int64_t result = 0;
  if (__builtin_sub_overflow(a, b, &result)) return std::nullopt;
  return result;
}

}  // namespace

std::optional<std::int64_t> FilterCounts::third_party() const {
  return attached_by_os ? difference(attached, *attached_by_os) : std::nullopt;
}

std::optional<std::int64_t> NetApiStats::kext_interfaces() const {
  return difference(interfaces_allocated, interfaces_allocated_by_os);
}

std::optional<std::int64_t> NetApiStats::nexus_flows_total() const {
  std::int64_t total = 0;
  for (std::int64_t flows : {nexus_flows_inet_stream_total, nexus_flows_inet_dgram_total,
                             nexus_flows_inet6_stream_total, nexus_flows_inet6_dgram_total}) {
    if (__builtin_add_overflow(total, flows, &total)) return std::nullopt;
  }
  return total;
}

Expected<NetApiStats> decode_net_api_stats(std::string_view bytes, std::string_view name) {
  if (bytes.size() != kLayoutWithOsCounts && bytes.size() != kLayoutBeforeOsCounts) {
    return Error{ErrorKind::malformed, std::string(name), {},
                 std::to_string(bytes.size()) + " bytes, but net.api_stats is " + std::to_string(kLayoutWithOsCounts) +
                     " bytes (macOS 12 and later) or " + std::to_string(kLayoutBeforeOsCounts) +
                     " (earlier); capture it with sysctl -b net.api_stats"};
  }
  const FieldIndexes& index = bytes.size() == kLayoutWithOsCounts ? kWithOsCounts : kBeforeOsCounts;
  const Fields fields(bytes);
  NetApiStats stats;
  stats.layout = bytes.size();
  stats.interface_filters = {fields.at(index.iflt_attach_count), fields.at(index.iflt_attach_os_count)};
  stats.ip_filters = {fields.at(index.ipf_add_count), fields.at(index.ipf_add_os_count)};
  stats.socket_filters = {fields.at(index.sfltr_register_count), fields.at(index.sfltr_register_os_count)};
  stats.interfaces_allocated = fields.at(index.ifnet_alloc_count);
  stats.interfaces_allocated_by_os = fields.at(index.ifnet_alloc_os_count);
  stats.socket_necp_clients_total = fields.at(index.socket_necp_clientuuid_total);
  stats.nexus_flows_inet_stream_total = fields.at(index.nx_flow_inet_stream_total);
  stats.nexus_flows_inet_dgram_total = fields.at(index.nx_flow_inet_stream_total + 1);
  stats.nexus_flows_inet6_stream_total = fields.at(index.nx_flow_inet_stream_total + 2);
  stats.nexus_flows_inet6_dgram_total = fields.at(index.nx_flow_inet_stream_total + 3);
  stats.pf_rules_added_total = fields.at(index.pf_addrule_total);
  stats.pf_rules_added_by_os_total = fields.at(index.pf_addrule_os);
  stats.vmnet_total = fields.at(index.vmnet_total);
  return stats;
}

}  // namespace nwaudit::capture
