#include <string>

#include "capture/sysctl_capture.h"
#include "capture/text_lines.h"
#include "facts/collector_support.h"
#include "nwaudit/facts/collectors.h"
#include "text/integer_text.h"

namespace nwaudit {
namespace {

// IF_ATTACH_NX_FSW_TRANSPORT_NETAGENT (xnu bsd/skywalk/os_skywalk_private.h): without this bit
// in the if_attach_nx boot argument, user-space TCP/UDP is off for the whole boot.
constexpr std::uint64_t kTransportNetagentBit = 0x04;

void add_boot_args(std::string_view boot_args, pugi::xml_node kernel) {
  for (std::string_view argument : capture::split_fields(boot_args)) {
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

}  // namespace

void collect_kernel_state(const capture::SysctlCapture* sysctl, Facts& facts) {
  if (sysctl == nullptr) return;
  pugi::xml_node kernel = facts.add("kernel");
  kernel.append_attribute("source") = collector::capture_path("sysctl.txt").c_str();
  if (auto state = sysctl->value("net.filter_state")) {
    kernel.append_attribute("filter-state") = std::string(*state).c_str();
    for (std::string_view token : capture::split_fields(*state)) {
      kernel.append_child("filter").append_attribute("name") = std::string(token).c_str();
    }
  }
  if (auto netagent = sysctl->integer("net.link.generic.system.enable_netagent")) {
    kernel.append_attribute("netagent") = collector::boolean(*netagent != 0);
  }
  if (auto flows = sysctl->integer("net.necp.socket_flow_count")) kernel.append_attribute("socket-flows") = static_cast<long long>(*flows);
  if (auto flows = sysctl->integer("net.necp.nexus_flow_count")) kernel.append_attribute("nexus-flows") = static_cast<long long>(*flows);
  if (auto boot_args = sysctl->value("kern.bootargs")) {
    kernel.append_attribute("boot-args") = std::string(*boot_args).c_str();
    add_boot_args(*boot_args, kernel);
  }
  for (const std::string& name : sysctl->unknown) {
    kernel.append_child("unavailable").append_attribute("name") = name.c_str();
  }
}

}  // namespace nwaudit
