#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nwaudit/capture/text_lines.h"

namespace nwaudit::capture {

// One row of `systemextensionsctl list`:
// *  *  VBG97UB4TA  com.objective-see.lulu.extension (2.4.0/2.4.0)  LuLu  [activated enabled]
struct SystemExtension {
  std::size_t line = 0;
  std::string category;  // from the section above: "com.apple.system_extension.network_extension"
  bool enabled = false;
  bool active = false;
  std::string team_id;
  std::string bundle_id;
  std::string short_version;   // "2.4.0" of "(2.4.0/2.4.0)"
  std::string bundle_version;  // the part after the '/'
  std::string name;
  std::string state;  // "activated_enabled", spaces as underscores the way db.plist spells states
  // The row stops short, as the last line of a cut capture does; what was cut off is left out.
  bool truncated = false;
};

struct SystemExtensionsList {
  std::optional<std::size_t> declared_count;  // from the "N extension(s)" line
  std::vector<SystemExtension> extensions;
  std::vector<ParseProblem> problems;
};

SystemExtensionsList parse_system_extensions_list(std::string_view text);

}  // namespace nwaudit::capture
