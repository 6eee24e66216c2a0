#pragma once

#include <string>
#include <string_view>

#include "pseudonyms.h"

namespace nwaudit::redact {

// A captured command's output (/.nwaudit/NAME, or a sysdiagnose's copy), or any other text
// file of the Mac: shell prompts pasted above the output (user and host), the fields of the
// named capture that hold personal values (sysctl's kern.hostname, a log line's host, a VPN
// agent's configuration name, pf's host names), then the patterns over every line.
std::string redact_capture(std::string_view name, std::string_view text, Pseudonyms& names);

// pf's configuration or rules (pf.conf, an anchor file, pfctl output).
std::string redact_pf_text(std::string_view text, Pseudonyms& names);

}  // namespace nwaudit::redact
