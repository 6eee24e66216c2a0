#pragma once

#include <memory>

#include "nwaudit/probe/census.h"
#include "nwaudit/probe/probe.h"

// What this operating system gives the probe: one implementation per system, chosen at build
// time (src/live/macos_*.cpp, linux_census.cpp, no_*.cpp).
namespace nwaudit {

// This system's census, or nullptr where nwaudit has none (neither macOS nor Linux).
std::unique_ptr<CensusReader> make_system_census_reader();

// Network.framework on macOS; nullptr elsewhere.
std::unique_ptr<ConnectionOpener> make_system_connection_opener();

}  // namespace nwaudit
