#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "nwaudit/base/expected.h"

namespace nwaudit {

// Where nwaudit's own rule and vendor files are: $NWAUDIT_RULES_DIR when set; else, for a
// program of the build tree, the source tree's rules/ while it exists; else the installed
// share/nwaudit/rules found from the running program's own folder (../share/nwaudit/rules
// with the default layout), so that an installation still finds its rules once moved; else
// share/nwaudit/rules under the prefix it was configured for.
std::filesystem::path shipped_rules_directory();

// The running program's file, canonical (links resolved); empty where the system does not
// say (neither Linux's /proc/self/exe nor macOS's _NSGetExecutablePath).
std::filesystem::path running_executable();

// The folders every audit reads, in order, those that exist: the shipped one, the
// system-wide one (/Library/Application Support/nwaudit/rules on macOS, /etc/nwaudit/rules
// elsewhere) and the user's (~/Library/Application Support/nwaudit/rules on macOS,
// $XDG_CONFIG_HOME/nwaudit/rules or ~/.config/nwaudit/rules elsewhere).
std::vector<std::filesystem::path> standard_rule_directories();

// The *.xml files directly in each directory, each directory's sorted by name, in the order
// the directories are given. A directory that cannot be listed is an Error in `problems`.
std::vector<std::filesystem::path> xml_files_in(const std::vector<std::filesystem::path>& directories,
                                                std::vector<Error>& problems);

// A rule or vendor file from the host (not the audited Mac), at most 4 MiB.
Expected<std::string> read_rule_file(const std::filesystem::path& path);

}  // namespace nwaudit
