#include <algorithm>

#include "collector_registry.h"
#include "nwaudit/base/limits.h"
#include "nwaudit/facts/collectors.h"
#include "nwaudit/source/read_limited_source.h"

namespace nwaudit {

void collect_some_facts(const Source& source, std::initializer_list<std::string_view> collectors, Facts& facts) {
  const ReadLimitedSource limited(source, limits::kMaxBytesReadPerAudit);
  const VendorCatalog no_vendors;
  const VendorCatalogWhenAsked vendors = [&]() -> const VendorCatalog& { return no_vendors; };
  const collector::Input input{limited, nullptr, vendors, 1};
  for (const collector::Registration* collector : collector::registered_collectors()) {
    if (std::find(collectors.begin(), collectors.end(), collector->contract.writer) != collectors.end()) {
      collector->collect(input, facts);
    }
  }
}

}  // namespace nwaudit
