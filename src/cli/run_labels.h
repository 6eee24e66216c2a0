#pragma once

#include "nwaudit/report/report.h"
#include "nwaudit/source/source.h"

namespace nwaudit::cli {

// Which Mac an ndjson line is about, and when. With `host_name`, its host name (from the
// audited Mac's SystemConfiguration preferences, or the live system's); otherwise the pseudonym
// "mac-" and 12 hex digits of a SHA-256 of its identity: the hardware UUID of a live Mac, the
// host name of a copy. The time is now, UTC. `source` is null for a facts file, which names no
// Mac: then the machine is unknown.
ReportOptions::Run run_labels(const Source* source, bool live, bool host_name);

// "mac-" and the first 12 hex digits of SHA-256 over a fixed prefix and the name.
std::string machine_pseudonym(std::string_view host_name);

}  // namespace nwaudit::cli
