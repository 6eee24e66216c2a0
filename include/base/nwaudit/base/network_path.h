#pragma once

namespace nwaudit {

// Which path Network.framework takes for TCP and UDP.
enum class NetworkPath { user_space, sockets, mixed, unknown };
const char* to_string(NetworkPath path);  // "user-space", "sockets", "mixed", "unknown"

}  // namespace nwaudit
