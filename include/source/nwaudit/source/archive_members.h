#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "nwaudit/base/expected.h"
#include "nwaudit/source/archive_source.h"

namespace nwaudit {

// Reads the regular files of an archive (.tar, .tar.gz, .tgz, .zip) one at a time, in the
// archive's order, within `limits`, holding only the member being handed over: for each one
// whose name `wanted` accepts, `take` gets its name and its bytes, or the Error that kept
// them (over limits.max_entry_bytes, damaged). Fails when the file is not such an archive,
// and when the reading stops early (a bound, a damaged archive) after the members before.
Expected<void> for_each_archive_member(const std::string& archive_path, const ArchiveLimits& limits,
                                       const std::function<bool(std::string_view name)>& wanted,
                                       const std::function<void(std::string_view name, Expected<std::string> bytes)>& take);

}  // namespace nwaudit
