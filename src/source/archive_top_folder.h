#pragma once

#include <optional>
#include <set>
#include <string>

namespace nwaudit::archive {

// The folder that stands for the Mac's "/" when every entry an archive holds is in it:
// given the first part of each entry's name, the one left once macOS's own additions
// (__MACOSX, "._" AppleDouble files) are set aside, unless it is a folder a Mac itself has
// at its top (Library, System, private, .nwaudit, ...), which means the archive is the tree.
std::optional<std::string> folder_to_enter(const std::set<std::string>& top_names);

}  // namespace nwaudit::archive
