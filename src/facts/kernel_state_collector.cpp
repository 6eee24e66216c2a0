#include <optional>
#include <string>

#include "nwaudit/capture/net_api_stats.h"
#include "nwaudit/capture/sysctl_capture.h"
#include "nwaudit/capture/text_lines.h"
#include "collector_registry.h"
#include "collector_support.h"
#include "nwaudit/facts/collectors.h"
#include "nwaudit/base/integer_text.h"

namespace nwaudit {
namespace {

constexpr const char* kCollector = "kernel";

// IF_ATTACH_NX_FSW_TRANSPORT_NETAGENT (xnu bsd/skywalk/os_skywalk_private.h): without this bit
// in the if_attach_nx boot argument, user-space TCP/UDP is off for the whole boot.
constexpr std::uint64_t kTransportNetagentBit = 0x04;

void add_boot_args(std::string_view boot_args, const std::string& path, Facts& facts, FactElement& kernel) {
  const std::vector<std::string_view> arguments = capture::split_fields(boot_args);
  const std::size_t count = collector::entries_to_take(facts, kCollector, path, arguments.size(), "boot arguments");
  for (std::size_t i = 0; i < count; ++i) {
    const std::string_view argument = arguments[i];
    const auto equals = argument.find('=');
    const std::string name(argument.substr(0, equals));
    FactElement element = kernel.add_child("boot-arg");
    element.set("name", name);
    if (equals == std::string_view::npos) continue;
    const std::string_view value = argument.substr(equals + 1);
    element.set("value", value);
    if (name != "if_attach_nx") continue;
    // PE_parse_boot_argn reads numbers as decimal or 0x hex.
    if (auto number = parse_integer_text(value)) {
      element.set("transport-netagent", (static_cast<std::uint64_t>(*number) & kTransportNetagentBit) != 0);
    }
  }
}

void set_count(FactElement& element, const std::string& name, std::optional<std::int64_t> count) {
  if (count) element.set(name, *count);
}

void add_filter_counts(FactElement& element, const std::string& name, const capture::FilterCounts& counts) {
  set_count(element, name, counts.attached);
  set_count(element, name + "-os", counts.attached_by_os);
  set_count(element, "third-party-" + name, counts.third_party());
}

void add_api_stats(const capture::NetApiStats& stats, const std::string& path, FactElement& kernel) {
  FactElement element = kernel.add_child("api-stats");
  element.set("layout", stats.layout);
  add_filter_counts(element, "socket-filters", stats.socket_filters);
  add_filter_counts(element, "ip-filters", stats.ip_filters);
  add_filter_counts(element, "interface-filters", stats.interface_filters);
  set_count(element, "kext-interfaces", stats.kext_interfaces());
  set_count(element, "socket-flows-total", stats.socket_necp_clients_total);
  set_count(element, "nexus-flows-total", stats.nexus_flows_total());
  set_count(element, "pf-rules-total", stats.pf_rules_added_total);
  set_count(element, "pf-rules-os", stats.pf_rules_added_by_os_total);
  set_count(element, "vmnet-total", stats.vmnet_total);
  element.set("source", path);
}

void add_sysctl_values(const capture::SysctlCapture* sysctl, const std::string& path, Facts& facts,
                       FactElement& kernel) {
  if (auto state = sysctl->value("net.filter_state")) {
    kernel.set("filter-state", *state);
    const std::vector<std::string_view> filters = capture::split_fields(*state);
    const std::size_t count = collector::entries_to_take(facts, kCollector, path, filters.size(), "filter names");
    for (std::size_t i = 0; i < count; ++i) {
      kernel.add_child("filter").set("name", filters[i]);
    }
  }
  if (auto netagent = sysctl->integer("net.link.generic.system.enable_netagent")) {
    kernel.set("netagent", *netagent != 0);
  }
  if (auto flows = sysctl->integer("net.necp.socket_flow_count")) kernel.set("socket-flows", *flows);
  if (auto flows = sysctl->integer("net.necp.nexus_flow_count")) kernel.set("nexus-flows", *flows);
  if (auto boot_args = sysctl->value("kern.bootargs")) {
    kernel.set("boot-args", *boot_args);
    add_boot_args(*boot_args, path, facts, kernel);
  }
  for (const std::string& name : sysctl->unknown) {
    kernel.add_child("unavailable").set("name", name);
  }
}

}  // namespace

void collect_kernel_state(const Source& source, const capture::SysctlCapture* sysctl, Facts& facts) {
  const std::string sysctl_path = collector::capture_path("sysctl.txt");
  const std::string stats_path = collector::capture_path("net.api_stats");
  const auto stats =
      collector::read_binary_capture(source, facts, kCollector, stats_path, capture::decode_net_api_stats);
  if (sysctl == nullptr && !stats) return;
  FactElement kernel = facts.add("kernel");
  kernel.set("source", sysctl != nullptr ? sysctl_path : stats_path);
  if (sysctl != nullptr) add_sysctl_values(sysctl, sysctl_path, facts, kernel);
  if (stats) add_api_stats(*stats, stats_path, kernel);
}

namespace collector {
namespace {

constexpr contract::Attribute kKernel[] = {
    {"filter-state", contract::Type::text,
     "net.filter_state: the incompatible filters the kernel sees, space-separated; empty when none"},
    {"netagent", contract::Type::boolean, "net.link.generic.system.enable_netagent: user-space networking allowed"},
    {"socket-flows", contract::Type::integer, "net.necp.socket_flow_count: NECP flows over sockets now"},
    {"nexus-flows", contract::Type::integer, "net.necp.nexus_flow_count: NECP flows over the flow switch now"},
    {"boot-args", contract::Type::text, "kern.bootargs, whole"},
    {"source", contract::Type::path, "the sysctl capture, or the net.api_stats capture when it is the only one"},
};
constexpr contract::Attribute kFilter[] = {
    {"name", contract::Type::text,
     "a token of net.filter_state: pf, socket, interface, ip, application-firewall, parental-controls"},
};
constexpr contract::Attribute kBootArgument[] = {
    {"name", contract::Type::text, "the argument's name"},
    {"value", contract::Type::text, "what follows '='; absent for a bare flag"},
    {"transport-netagent", contract::Type::boolean,
     "on if_attach_nx only: its 0x04 bit, without which user-space networking is off for the boot"},
};
constexpr contract::Attribute kUnavailable[] = {
    {"name", contract::Type::text, "a sysctl the capture says this macOS does not have"},
};
constexpr contract::Attribute kApiStats[] = {
    {"layout", contract::Type::integer, "the size of the counters in bytes: 416 from macOS 12, 392 before"},
    {"socket-filters", contract::Type::integer, "socket filters attached now"},
    {"socket-filters-os", contract::Type::integer, "socket filters macOS attached itself (not in the 392-byte layout)"},
    {"third-party-socket-filters", contract::Type::integer, "socket filters attached by others: the kernel's test"},
    {"ip-filters", contract::Type::integer, "IP filters attached now"},
    {"ip-filters-os", contract::Type::integer, "IP filters macOS attached itself"},
    {"third-party-ip-filters", contract::Type::integer, "IP filters attached by others"},
    {"interface-filters", contract::Type::integer, "interface filters attached now"},
    {"interface-filters-os", contract::Type::integer, "interface filters macOS attached itself"},
    {"third-party-interface-filters", contract::Type::integer, "interface filters attached by others"},
    {"kext-interfaces", contract::Type::integer,
     "interfaces alive now that kernel extensions made with ifnet_allocate()"},
    {"socket-flows-total", contract::Type::integer, "since boot: sockets tied to an NECP client"},
    {"nexus-flows-total", contract::Type::integer, "since boot: flow-switch flows"},
    {"pf-rules-total", contract::Type::integer, "since boot: pf rules added by anyone"},
    {"pf-rules-os", contract::Type::integer, "since boot: pf rules added by macOS"},
    {"vmnet-total", contract::Type::integer, "since boot: vmnet interfaces added to a bridge (virtual machines)"},
    {"source", contract::Type::path, "the capture"},
};
constexpr contract::Element kContract[] = {
    {"/facts/kernel", "the kernel's networking state; present when either capture is", "sysctl", kKernel},
    {"/facts/kernel/filter", "one incompatible filter the kernel reports", "sysctl net.filter_state", kFilter},
    {"/facts/kernel/boot-arg", "one boot argument", "sysctl kern.bootargs", kBootArgument},
    {"/facts/kernel/unavailable", "a sysctl this macOS does not have", "sysctl", kUnavailable},
    {"/facts/kernel/api-stats", "the kernel's counters of its networking KPIs (xnu bsd/net/net_api_stats.h)",
     "sysctl -b net.api_stats", kApiStats},
};

}  // namespace

extern const Registration kernel_state_collector{
    {kCollector, kContract},
    [](const Input& input, Facts& facts) { collect_kernel_state(input.source, input.sysctl, facts); }};

}  // namespace collector
}  // namespace nwaudit
