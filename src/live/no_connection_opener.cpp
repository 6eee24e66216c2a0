// Network.framework exists only on Apple platforms; elsewhere there is nothing to probe with.
#include "nwaudit/live/system_probe.h"

namespace nwaudit {

std::unique_ptr<ConnectionOpener> make_system_connection_opener() { return nullptr; }

}  // namespace nwaudit
