#pragma once

#include <string>
#include <string_view>

#include "nwaudit/base/expected.h"
#include "nwaudit/probe/census.h"
#include "nwaudit/probe/observation.h"
#include "nwaudit/probe/probe.h"

namespace nwaudit {

// "example.com:443", "192.0.2.1:80", "[2001:db8::1]:443"; an Error (malformed, naming the
// text) for anything else, port 0 included.
Expected<ProbeEndpoint> parse_probe_endpoint(std::string_view text);

// The standing census of a running process: what it holds now, its limits when known.
Measurement measure_process(const CensusReader& census, int pid);

// The same from `lsof -p PID` output; `name` says where it came from ("lsof.txt").
Measurement measure_lsof_listing(std::string_view listing, std::string_view name);

}  // namespace nwaudit
