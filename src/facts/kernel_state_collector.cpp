#include <optional>
#include <string>

#include "nwaudit/capture/net_api_stats.h"
#include "nwaudit/capture/sysctl_capture.h"
#include "nwaudit/capture/text_lines.h"
#include "collector_support.h"
#include "nwaudit/facts/collectors.h"
#include "nwaudit/base/integer_text.h"

namespace nwaudit {
namespace {

constexpr const char* kCollector = "kernel";

// IF_ATTACH_NX_FSW_TRANSPORT_NETAGENT (xnu bsd/skywalk/os_skywalk_private.h): without this bit
// in the if_attach_nx boot argument, user-space TCP/UDP is off for the whole boot.
constexpr std::uint64_t kTransportNetagentBit = 0x04;

void add_boot_args(std::string_view boot_args, const std::string& path, Facts& facts, pugi::xml_node kernel) {
  const std::vector<std::string_view> arguments = capture::split_fields(boot_args);
  const std::size_t count = collector::entries_to_take(facts, kCollector, path, arguments.size(), "boot arguments");
  for (std::size_t i = 0; i < count; ++i) {
    const std::string_view argument = arguments[i];
    const auto equals = argument.find('=');
    const std::string name(argument.substr(0, equals));
    pugi::xml_node element = kernel.append_child("boot-arg");
    element.append_attribute("name") = name.c_str();
    if (equals == std::string_view::npos) continue;
    const std::string_view value = argument.substr(equals + 1);
    element.append_attribute("value") = std::string(value).c_str();
    if (name != "if_attach_nx") continue;
    // PE_parse_boot_argn reads numbers as decimal or 0x hex.
    if (auto number = parse_integer_text(value)) {
      element.append_attribute("transport-netagent") =
          collector::boolean((static_cast<std::uint64_t>(*number) & kTransportNetagentBit) != 0);
    }
  }
}

void set_count(pugi::xml_node element, const std::string& name, std::optional<std::int64_t> count) {
  if (count) element.append_attribute(name.c_str()) = static_cast<long long>(*count);
}

void add_filter_counts(pugi::xml_node element, const std::string& name, const capture::FilterCounts& counts) {
  set_count(element, name, counts.attached);
  set_count(element, name + "-os", counts.attached_by_os);
  set_count(element, "third-party-" + name, counts.third_party());
}

void add_api_stats(const capture::NetApiStats& stats, const std::string& path, pugi::xml_node kernel) {
  pugi::xml_node element = kernel.append_child("api-stats");
  element.append_attribute("layout") = static_cast<unsigned long long>(stats.layout);
  add_filter_counts(element, "socket-filters", stats.socket_filters);
  add_filter_counts(element, "ip-filters", stats.ip_filters);
  add_filter_counts(element, "interface-filters", stats.interface_filters);
  set_count(element, "kext-interfaces", stats.kext_interfaces());
  set_count(element, "socket-flows-total", stats.socket_necp_clients_total);
  set_count(element, "nexus-flows-total", stats.nexus_flows_total());
  set_count(element, "pf-rules-total", stats.pf_rules_added_total);
  set_count(element, "pf-rules-os", stats.pf_rules_added_by_os_total);
  set_count(element, "vmnet-total", stats.vmnet_total);
  element.append_attribute("source") = path.c_str();
}

void add_sysctl_values(const capture::SysctlCapture* sysctl, const std::string& path, Facts& facts,
                       pugi::xml_node kernel) {
  if (auto state = sysctl->value("net.filter_state")) {
    kernel.append_attribute("filter-state") = std::string(*state).c_str();
    const std::vector<std::string_view> filters = capture::split_fields(*state);
    const std::size_t count = collector::entries_to_take(facts, kCollector, path, filters.size(), "filter names");
    for (std::size_t i = 0; i < count; ++i) {
      kernel.append_child("filter").append_attribute("name") = std::string(filters[i]).c_str();
    }
  }
  if (auto netagent = sysctl->integer("net.link.generic.system.enable_netagent")) {
    kernel.append_attribute("netagent") = collector::boolean(*netagent != 0);
  }
  if (auto flows = sysctl->integer("net.necp.socket_flow_count")) kernel.append_attribute("socket-flows") = static_cast<long long>(*flows);
  if (auto flows = sysctl->integer("net.necp.nexus_flow_count")) kernel.append_attribute("nexus-flows") = static_cast<long long>(*flows);
  if (auto boot_args = sysctl->value("kern.bootargs")) {
    kernel.append_attribute("boot-args") = std::string(*boot_args).c_str();
    add_boot_args(*boot_args, path, facts, kernel);
  }
  for (const std::string& name : sysctl->unknown) {
    kernel.append_child("unavailable").append_attribute("name") = name.c_str();
  }
}

}  // namespace

void collect_kernel_state(const Source& source, const capture::SysctlCapture* sysctl, Facts& facts) {
  const std::string sysctl_path = collector::capture_path("sysctl.txt");
  const std::string stats_path = collector::capture_path("net.api_stats");
  const auto stats =
      collector::read_binary_capture(source, facts, kCollector, stats_path, capture::decode_net_api_stats);
  if (sysctl == nullptr && !stats) return;
  pugi::xml_node kernel = facts.add("kernel");
  kernel.append_attribute("source") = (sysctl != nullptr ? sysctl_path : stats_path).c_str();
  if (sysctl != nullptr) add_sysctl_values(sysctl, sysctl_path, facts, kernel);
  if (stats) add_api_stats(*stats, stats_path, kernel);
}

}  // namespace nwaudit
