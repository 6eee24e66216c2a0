#include "nwaudit/capture/sysctl_capture.h"
#include "collector_registry.h"
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
  const collector::Input input{source, sysctl ? &*sysctl : nullptr, vendors};
  for (const collector::Registration* collector : collector::registered_collectors()) collector->collect(input, facts);
  facts.make_valid();
}

}  // namespace nwaudit
