#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "nwaudit/capture/text_lines.h"

namespace nwaudit::capture {

// One row of `systemextensionsctl list` (the name, "LuLu" here, is not kept):
// *  *  VBG97UB4TA  com.objective-see.lulu.extension (2.4.0/2.4.0)  LuLu  [activated enabled]
// In a row cut short, as the last line of a cut capture is, what was cut off is left empty.
struct SystemExtension {
  std::string category;  // from the section above: "com.apple.system_extension.network_extension"
  bool enabled = false;
  bool active = false;
  std::string team_id;
  std::string bundle_id;
  std::string short_version;   // "2.4.0" of "(2.4.0/2.4.0)"
  std::string bundle_version;  // the part after the '/'
  std::string state;  // "activated_enabled", spaces as underscores the way db.plist spells states
};

struct SystemExtensionsList {
  std::vector<SystemExtension> extensions;
  std::vector<Error> problems;  // lines that could not be read
};

SystemExtensionsList parse_system_extensions_list(std::string_view text);

}  // namespace nwaudit::capture
