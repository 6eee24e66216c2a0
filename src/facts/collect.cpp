#include "nwaudit/capture/sysctl_capture.h"
#include "collector_support.h"
#include "nwaudit/facts/collectors.h"
#include "nwaudit/base/limits.h"
#include "nwaudit/source/read_limited_source.h"

namespace nwaudit {

void collect_facts(const Source& mac, const VendorCatalog& vendors, Facts& facts) {
  const ReadLimitedSource source(mac, limits::kMaxBytesReadPerAudit);
  // The captured sysctl values feed two collectors, so they are read once here.
  auto sysctl = collector::read_capture(source, facts, "kernel", collector::capture_path("sysctl.txt"),
                                        capture::parse_sysctl);
  const capture::SysctlCapture* kernel_values = sysctl ? &*sysctl : nullptr;
  collect_os(source, kernel_values, facts);
  collect_kernel_state(source, kernel_values, facts);
  collect_kexts(source, facts);
  collect_system_extensions(source, facts);
  collect_ne_configurations(source, facts);
  collect_network_services(source, facts);
  collect_interfaces(source, facts);
  collect_firewall(source, facts);
  collect_pf(source, facts);
  annotate_vendors(facts, vendors);
  facts.make_valid();
}

}  // namespace nwaudit
