#include "nwaudit/base/network_path.h"

namespace nwaudit {

const char* to_string(NetworkPath path) {
  switch (path) {
    case NetworkPath::user_space: return "user-space";
    case NetworkPath::sockets: return "sockets";
    case NetworkPath::mixed: return "mixed";
    case NetworkPath::unknown: return "unknown";
  }
  return "unknown";
}

}  // namespace nwaudit
