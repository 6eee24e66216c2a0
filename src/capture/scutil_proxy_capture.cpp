#include "nwaudit/capture/scutil_proxy_capture.h"

#include <map>

namespace nwaudit::capture {
namespace {

std::vector<EffectiveProxy> switched_on(const std::map<std::string, std::string, std::less<>>& keys) {
  std::vector<EffectiveProxy> proxies;
  const auto value_of = [&keys](const char* key) -> std::string {
    if (key == nullptr) return {};
    const auto found = keys.find(std::string_view(key));
    return found == keys.end() ? std::string() : found->second;
  };
  for (const ProxyKeys& proxy : kProxyKeys) {
    if (parse_integer(value_of(proxy.enable)).value_or(0) == 0) continue;
    proxies.push_back({proxy.kind, value_of(proxy.host), parse_integer(value_of(proxy.port))});
  }
  return proxies;
}

}  // namespace

ProxyConfiguration parse_scutil_proxy(std::string_view text) {
  ProxyConfiguration result;
  std::map<std::string, std::string, std::less<>> top_keys;
  std::size_t depth = 0;
  for (const Line& line : split_lines(text)) {
    const std::string_view content = trim(line.text);
    if (content.starts_with("#") || is_command_echo(content, {"scutil"})) continue;
    if (content == "}") {
      if (depth == 0) result.problems.push_back(line_problem(line.number, "a \"}\" that closes nothing"));
      depth -= depth == 0 ? 0 : 1;
      continue;
    }
    if (depth == 0) {
      if (content == "<dictionary> {") {
        result.dictionary_found = true;
        depth = 1;
      } else {
        result.problems.push_back(line_problem(line.number, "not scutil's dictionary: " + quoted_excerpt(content)));
      }
      continue;
    }
    const std::size_t colon = content.find(" : ");
    if (colon == std::string_view::npos) {
      result.problems.push_back(line_problem(line.number, "not a \"key : value\" line: " + quoted_excerpt(content)));
      continue;
    }
    const std::string_view value = trim(content.substr(colon + 3));
    if (value.ends_with("{")) {
      ++depth;
    } else if (depth == 1) {
      top_keys[std::string(trim(content.substr(0, colon)))] = std::string(value);
    }
  }
  result.proxies = switched_on(top_keys);
  return result;
}

}  // namespace nwaudit::capture
