#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "nwaudit/capture/text_lines.h"

namespace nwaudit::capture {

// One loaded kernel extension: a row of `kmutil showloaded` or `kextstat`, or an entry of a
// panic report's "loaded kexts:" list. Of a row's columns (index, references, address, size,
// wired size, UUID, linked-against list) only the bundle id and the version are kept; the
// others are checked, to tell a row from other text and a whole row from a cut one.
struct LoadedKext {
  std::string bundle_id;  // panic lists' abbreviations expanded: "@kext.AMDFramebuffer" -> "com.apple.kext.AMDFramebuffer"
  std::string version;
  // The row stops short, as the last line of a cut capture does. What was cut off is left out,
  // except the bundle id: a row cut right after it keeps it, possibly incomplete.
  bool truncated = false;
};

struct LoadedKexts {
  std::vector<LoadedKext> kexts;
  std::vector<Error> problems;  // lines that could not be read
};

LoadedKexts parse_loaded_kexts(std::string_view text);

}  // namespace nwaudit::capture
