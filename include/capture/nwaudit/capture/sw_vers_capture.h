#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "nwaudit/capture/text_lines.h"

namespace nwaudit::capture {

// `sw_vers` output: "ProductName:", "ProductVersion:", "BuildVersion:" (and, from macOS 13,
// "ProductVersionExtra:"), each followed by tabs and its value. Empty fields were not printed.
struct SwVersCapture {
  std::string product, version, build;
  std::vector<Error> problems;  // lines that could not be read
};

SwVersCapture parse_sw_vers(std::string_view text);

}  // namespace nwaudit::capture
