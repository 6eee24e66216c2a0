// The raw bytes of the net.api_stats sysctl, decoded, with the figures derived from them.
#include "nwaudit/capture/net_api_stats.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto stats = nwaudit::capture::decode_net_api_stats(nwaudit::fuzz::bytes_of(data, size), "/.nwaudit/net.api_stats");
  if (!stats) return 0;
  for (const auto* counts : {&stats->interface_filters, &stats->ip_filters, &stats->socket_filters}) counts->third_party();
  stats->kext_interfaces();
  stats->nexus_flows_total();
  return 0;
}
