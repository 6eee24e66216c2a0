#include "collector_registry.h"

#include <vector>

// Every collector, one line each, in the order they run: NAME stands for the Registration
// NAME_collector that NAME's file defines. The vendor annotations come last: they read what
// the others wrote.
#define NWAUDIT_COLLECTORS(COLLECTOR) \
  COLLECTOR(os)                       \
  COLLECTOR(kernel_state)             \
  COLLECTOR(kexts)                    \
  COLLECTOR(system_extensions)        \
  COLLECTOR(ne_configurations)        \
  COLLECTOR(network_services)         \
  COLLECTOR(interfaces)               \
  COLLECTOR(firewall)                 \
  COLLECTOR(pf)                       \
  COLLECTOR(link_conditioner)         \
  COLLECTOR(skywalk_flows)            \
  COLLECTOR(scutil)                   \
  COLLECTOR(log_history)              \
  COLLECTOR(descriptor_limit)         \
  COLLECTOR(private_relay)            \
  COLLECTOR(profiles)                 \
  COLLECTOR(vendor_annotations)

namespace nwaudit {
namespace collector {

#define NWAUDIT_DECLARE_COLLECTOR(name) extern const Registration name##_collector;
NWAUDIT_COLLECTORS(NWAUDIT_DECLARE_COLLECTOR)

namespace {

#define NWAUDIT_LIST_COLLECTOR(name) &name##_collector,
constexpr const Registration* kCollectors[] = {NWAUDIT_COLLECTORS(NWAUDIT_LIST_COLLECTOR)};

}  // namespace

std::span<const Registration* const> registered_collectors() { return kCollectors; }

}  // namespace collector

const FactsContract& facts_contract() {
  static const FactsContract contract = [] {
    std::vector<contract::Part> parts{collector::document_contract};
    for (const collector::Registration* registration : collector::registered_collectors()) {
      parts.push_back(registration->contract);
    }
    parts.push_back(collector::coverage_contract);
    return FactsContract(parts);
  }();
  return contract;
}

}  // namespace nwaudit
