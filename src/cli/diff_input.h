#pragma once

#include <optional>
#include <string>

#include "nwaudit/compare/audited_mac.h"
#include "nwaudit/rules/knowledge.h"

namespace nwaudit::cli {

// One side of `nwaudit diff`, whatever nwaudit can read: a facts document (XML whose root is
// <facts>), a saved JSON report (schema "nwaudit-report/1"), or else a Mac's folder, archive,
// bundle or sysdiagnose, audited now with `knowledge`, which must outlive the result.
// `sysdiagnose`: read the Mac as a sysdiagnose even if it is not recognised as one.
// Nothing after printing why not, with the exit status in `status`.
std::optional<AuditedMac> open_diff_side(const std::string& path, bool sysdiagnose, const Knowledge& knowledge,
                                         int& status);

}  // namespace nwaudit::cli
