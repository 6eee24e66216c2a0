#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nwaudit::archive {

// The parts of a slash-separated path, without empty and "." ones; ".." is kept.
std::vector<std::string> path_components(std::string_view path);

}  // namespace nwaudit::archive
