#include "nwaudit/capture/sysctl_capture.h"
#include "collector_registry.h"
#include "collector_support.h"
#include "nwaudit/facts/collectors.h"
#include "nwaudit/facts/sysdiagnose_source.h"
#include "nwaudit/base/limits.h"
#include "nwaudit/facts/read_errors.h"
#include "nwaudit/source/read_limited_source.h"

namespace nwaudit {

void collect_facts(const Source& tree, const VendorCatalog& vendors, Facts& facts, unsigned threads) {
  collect_facts(tree, [&]() -> const VendorCatalog& { return vendors; }, facts, threads);
}

void collect_facts(const Source& tree, const VendorCatalogWhenAsked& vendors, Facts& facts, unsigned threads) {
  // A snapshot answers again what its Mac would not let its maker read (read_errors.h).
  const ReadErrorReplay replayed(tree);
  const Source& mac = replayed;
  // A sysdiagnose is read as the snapshot it stands for.
  const bool seen_as_mac = dynamic_cast<const SysdiagnoseSource*>(&tree) != nullptr;
  const auto sysdiagnose_top = seen_as_mac ? std::nullopt : find_sysdiagnose(mac);
  std::optional<SysdiagnoseSource> sysdiagnose;
  if (sysdiagnose_top) sysdiagnose.emplace(mac, *sysdiagnose_top);
  const ReadLimitedSource source(sysdiagnose ? *sysdiagnose : mac, limits::kMaxBytesReadPerAudit);
  // The captured sysctl values feed two collectors, so they are read once here.
  auto sysctl = collector::read_capture(source, facts, "kernel", collector::capture_path("sysctl.txt"),
                                        capture::parse_sysctl);
  const collector::Input input{source, sysctl ? &*sysctl : nullptr, vendors,
                               source.reads_concurrently() ? std::max(threads, 1u) : 1u};
  for (const collector::Registration* collector : collector::registered_collectors()) collector->collect(input, facts);
  if (replayed.problem()) facts.record_problem("snapshot", *replayed.problem());
  record_unasked_errors(facts, replayed.unasked());
}

}  // namespace nwaudit
