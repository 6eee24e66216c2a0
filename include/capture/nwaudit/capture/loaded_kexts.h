#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nwaudit/capture/text_lines.h"

namespace nwaudit::capture {

// One loaded kernel extension: a row of `kmutil showloaded` or `kextstat`, or an entry of a
// panic report's "loaded kexts:" list (which has only the bundle id and the version).
struct LoadedKext {
  std::size_t line = 0;
  std::optional<int> index;
  std::optional<int> references;
  std::optional<std::uint64_t> address;
  std::optional<std::uint64_t> size;
  std::optional<std::uint64_t> wired;
  std::string bundle_id;  // panic lists' abbreviations expanded: "@kext.AMDFramebuffer" -> "com.apple.kext.AMDFramebuffer"
  std::string version;
  std::string uuid;  // empty when the output has no UUID column
  std::vector<int> linked_against;
  // The row stops short, as the last line of a cut capture does. What was cut off is left out,
  // except the bundle id: a row cut right after it keeps it, possibly incomplete.
  bool truncated = false;
};

struct LoadedKexts {
  std::vector<LoadedKext> kexts;
  std::vector<ParseProblem> problems;
  bool panic_list = false;  // rows came from a panic report's list, so only bundle ids and versions are known
};

LoadedKexts parse_loaded_kexts(std::string_view text);

}  // namespace nwaudit::capture
