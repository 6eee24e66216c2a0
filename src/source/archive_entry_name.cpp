#include "archive_entry_name.h"

#include "path_components.h"

namespace nwaudit::archive {

EntryName parse_entry_name(std::string_view stored) {
  EntryName name;
  if (!stored.empty() && stored.front() == '/') name.refusal = "its name is an absolute path";
  for (std::string& part : path_components(stored)) {
    if (part != "..") {
      name.components.push_back(std::move(part));
      continue;
    }
    if (name.refusal.empty()) name.refusal = "its name climbs out with \"..\"";
    if (!name.components.empty()) name.components.pop_back();
  }
  return name;
}

std::string path_of(const std::vector<std::string>& components) {
  if (components.empty()) return "/";
  std::string path;
  for (const std::string& component : components) path.append("/").append(component);
  return path;
}

std::string quoted_entry(std::string_view stored) {
  constexpr std::size_t kShown = 200;
  if (stored.size() <= kShown) return "\"" + std::string(stored) + "\"";
  return "\"" + std::string(stored.substr(0, kShown)) + "...\" (" + std::to_string(stored.size()) + " bytes)";
}

}  // namespace nwaudit::archive
