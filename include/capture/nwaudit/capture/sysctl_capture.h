#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nwaudit/capture/text_lines.h"

namespace nwaudit::capture {

// `sysctl NAME...` or `sysctl -a` output: "name: value" lines, or "name = value" as older
// releases print them. (`sysctl -n` output has no names and is not understood.)
struct SysctlCapture {
  std::vector<std::pair<std::string, std::string>> values;  // in capture order; values trimmed, otherwise verbatim
  std::vector<std::string> unknown;  // names sysctl answered with "unknown oid": not on this macOS version
  std::vector<Error> problems;  // lines that could not be read

  // The value of the last line that names it.
  std::optional<std::string_view> value(std::string_view name) const;
  // That value when it is a whole decimal integer.
  std::optional<std::int64_t> integer(std::string_view name) const;
};

SysctlCapture parse_sysctl(std::string_view text);

}  // namespace nwaudit::capture
