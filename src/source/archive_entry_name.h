#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nwaudit::archive {

// An entry's name as stored in an archive, taken apart.
struct EntryName {
  // Where it would be below the archive's top: without empty and "." parts, each ".."
  // taking back the part before it and never climbing above the top.
  std::vector<std::string> components;
  // Why the name itself is refused ("its name is an absolute path", ...); empty when it is not.
  std::string refusal;
};

EntryName parse_entry_name(std::string_view stored);

// "/a/b" for {"a", "b"}, "/" for none.
std::string path_of(const std::vector<std::string>& components);

// The stored name in quotes for a message, cut short when it is very long.
std::string quoted_entry(std::string_view stored);

}  // namespace nwaudit::archive
