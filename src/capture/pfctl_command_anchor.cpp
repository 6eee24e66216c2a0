#include "nwaudit/capture/pfctl_command_anchor.h"

#include <vector>

#include "nwaudit/capture/text_lines.h"

namespace nwaudit::capture {
namespace {

// How many lines from the top a pasted command line may be (pfctl's stderr notes come first).
constexpr std::size_t kCommandLinesSearched = 5;

std::string_view unquoted(std::string_view word) {
  if (word.size() >= 2 && (word.front() == '\'' || word.front() == '"') && word.back() == word.front()) {
    return word.substr(1, word.size() - 2);
  }
  return word;
}

// `-a 'com.apple/*'` lists the rulesets of com.apple's children, each in braces under a line that
// names the child relative to com.apple (Apple's pfctl prints `anchor "*" all {` there, and an
// error inside): the listing is made in com.apple. A lone "*" stands for the main ruleset's children.
std::string_view without_wildcard(std::string_view anchor) {
  if (anchor == "*") return {};
  if (anchor.ends_with("/*")) anchor.remove_suffix(2);
  return anchor;
}

// The value of -a in the words after "pfctl": "-a NAME", "-aNAME", and -a inside a cluster
// ("-sr -a NAME").
std::string anchor_option(const std::vector<std::string_view>& words, std::size_t after) {
  for (std::size_t i = after; i < words.size(); ++i) {
    const std::string_view word = words[i];
    if (word == "-a" && i + 1 < words.size()) return std::string(without_wildcard(unquoted(words[i + 1])));
    if (word.starts_with("-a") && word.size() > 2) return std::string(without_wildcard(unquoted(word.substr(2))));
  }
  return {};
}

}  // namespace

std::string pfctl_command_anchor(std::string_view text) {
  std::size_t searched = 0;
  while (!text.empty() && searched++ < kCommandLinesSearched) {
    const auto end = text.find('\n');
    const std::vector<std::string_view> words = split_fields(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (words[i] == "pfctl" || words[i].ends_with("/pfctl")) return anchor_option(words, i + 1);
    }
  }
  return {};
}

bool is_com_apple_sub_anchor_hook(std::string_view name) {
  for (std::string_view sub : {"100.InternetSharing", "200.AirDrop", "250.ApplicationFirewall",
                               "300.NetworkLinkConditioner", "400.AdaptiveFirewall"}) {
    if (name.starts_with(sub) && (name.size() == sub.size() || name[sub.size()] == '/')) return true;
  }
  return false;
}

}  // namespace nwaudit::capture
