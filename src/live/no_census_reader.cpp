// Systems that are neither macOS nor Linux: nwaudit has no way to count a process's descriptors.
#include "nwaudit/live/system_probe.h"

namespace nwaudit {

std::unique_ptr<CensusReader> make_system_census_reader() { return nullptr; }

}  // namespace nwaudit
