#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "nwaudit/capture/net_api_stats.h"

using namespace nwaudit::capture;

namespace {

constexpr const char* kPath = "/.nwaudit/net.api_stats";

// The struct as the kernel writes it: each field little-endian.
std::string struct_bytes(const std::vector<std::int64_t>& fields) {
  std::string bytes;
  for (std::int64_t field : fields) {
    auto value = static_cast<std::uint64_t>(field);
    for (int byte = 0; byte < 8; ++byte, value >>= 8) bytes += static_cast<char>(value & 0xFF);
  }
  return bytes;
}

// Fields numbered 1, 2, 3, ... so that each one read shows where it came from.
std::string numbered_fields(std::size_t count) {
  std::vector<std::int64_t> fields;
  for (std::size_t i = 1; i <= count; ++i) fields.push_back(static_cast<std::int64_t>(i));
  return struct_bytes(fields);
}

}  // namespace

TEST_CASE("net.api_stats: the 416-byte layout of macOS 12 and later") {
  const auto stats = decode_net_api_stats(numbered_fields(52), kPath);
  REQUIRE(stats);
  CHECK(stats->layout == 416);
  CHECK(stats->interface_filters.attached == 1);
  CHECK(stats->interface_filters.attached_by_os == 2);
  CHECK(stats->ip_filters.attached == 5);
  CHECK(stats->ip_filters.attached_by_os == 6);
  CHECK(stats->socket_filters.attached == 9);
  CHECK(stats->socket_filters.attached_by_os == 10);
  CHECK(stats->socket_filters.third_party() == -1);
  CHECK(stats->socket_necp_clients_total == 16);
  CHECK(stats->nexus_flows_inet_stream_total == 42);
  CHECK(stats->nexus_flows_inet6_dgram_total == 45);
  CHECK(stats->nexus_flows_total() == 42 + 43 + 44 + 45);
  CHECK(stats->interfaces_allocated == 46);
  CHECK(stats->interfaces_allocated_by_os == 48);
  CHECK(stats->kext_interfaces() == -2);
  CHECK(stats->pf_rules_added_total == 50);
  CHECK(stats->pf_rules_added_by_os_total == 51);
  CHECK(stats->vmnet_total == 52);
}

TEST_CASE("net.api_stats: the 392-byte layout before macOS 12 has no OS filter counts") {
  const auto stats = decode_net_api_stats(numbered_fields(49), kPath);
  REQUIRE(stats);
  CHECK(stats->layout == 392);
  CHECK(stats->interface_filters.attached == 1);
  CHECK(stats->ip_filters.attached == 4);
  CHECK(stats->socket_filters.attached == 7);
  for (const FilterCounts* counts : {&stats->interface_filters, &stats->ip_filters, &stats->socket_filters}) {
    CHECK_FALSE(counts->attached_by_os);
    CHECK_FALSE(counts->third_party());
  }
  CHECK(stats->socket_necp_clients_total == 13);
  CHECK(stats->nexus_flows_total() == 39 + 40 + 41 + 42);
  CHECK(stats->interfaces_allocated == 43);
  CHECK(stats->interfaces_allocated_by_os == 45);
  CHECK(stats->pf_rules_added_total == 47);
  CHECK(stats->pf_rules_added_by_os_total == 48);
  CHECK(stats->vmnet_total == 49);
}

TEST_CASE("net.api_stats: fields are little-endian and signed, whatever the host") {
  std::string bytes = numbered_fields(52);
  // nas_sfltr_register_count, field 8: the lowest byte first
  bytes.replace(8 * 8, 8, std::string("\x08\x07\x06\x05\x04\x03\x02\x01", 8));
  // nas_sfltr_register_os_count, field 9: all bits set
  bytes.replace(9 * 8, 8, std::string(8, '\xFF'));
  const auto stats = decode_net_api_stats(bytes, kPath);
  REQUIRE(stats);
  CHECK(stats->socket_filters.attached == 0x0102030405060708);
  CHECK(stats->socket_filters.attached_by_os == -1);
  CHECK(stats->socket_filters.third_party() == 0x0102030405060709);
}

TEST_CASE("net.api_stats: differences and sums that do not fit are left unknown") {
  constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  std::vector<std::int64_t> fields(52, 0);
  fields[8] = kMin;  // nas_sfltr_register_count
  fields[9] = 1;     // nas_sfltr_register_os_count
  fields[41] = kMax;  // nas_nx_flow_inet_stream_total
  fields[44] = 1;     // nas_nx_flow_inet6_dgram_total
  fields[45] = kMax;  // nas_ifnet_alloc_count
  fields[47] = -1;    // nas_ifnet_alloc_os_count
  const auto stats = decode_net_api_stats(struct_bytes(fields), kPath);
  REQUIRE(stats);
  CHECK_FALSE(stats->socket_filters.third_party());
  CHECK_FALSE(stats->nexus_flows_total());
  CHECK_FALSE(stats->kext_interfaces());
  CHECK(stats->ip_filters.third_party() == 0);
}

TEST_CASE("net.api_stats: any other size is a malformed capture that names the file and the size") {
  for (std::size_t size : {0u, 1u, 8u, 391u, 393u, 400u, 415u, 417u, 784u, 832u, 1u << 20}) {
    CAPTURE(size);
    const auto stats = decode_net_api_stats(std::string(size, '\0'), kPath);
    REQUIRE_FALSE(stats);
    CHECK(stats.error().kind == nwaudit::ErrorKind::malformed);
    CHECK(stats.error().path == kPath);
    CHECK(stats.error().reason.rfind(std::to_string(size) + " bytes, ", 0) == 0);
    CHECK(stats.error().reason.find("sysctl -b net.api_stats") != std::string::npos);
  }
}
