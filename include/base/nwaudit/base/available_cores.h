#pragma once

namespace nwaudit {

// How many processors this process may run on (its affinity mask where the system has one), at least 1.
unsigned available_cores();

}  // namespace nwaudit
