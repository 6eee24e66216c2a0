#include "nwaudit/capture/sysctl_capture.h"

namespace nwaudit::capture {
namespace {

constexpr std::string_view kUnknownOid = "sysctl: unknown oid '";

// "sysctl: unknown oid 'net.filter_state'" -> "net.filter_state"
std::optional<std::string_view> unknown_name(std::string_view content) {
  if (!content.starts_with(kUnknownOid)) return std::nullopt;
  content.remove_prefix(kUnknownOid.size());
  const auto quote = content.find('\'');
  if (quote == std::string_view::npos || !is_dotted_name(content.substr(0, quote))) return std::nullopt;
  return content.substr(0, quote);
}

// "kern.bootargs: -v keepsyms=1" or "kern.ostype = Darwin"; the value may be empty.
std::optional<std::pair<std::string_view, std::string_view>> name_and_value(std::string_view content) {
  const auto name_end = content.find_first_of(":= \t");
  if (name_end == std::string_view::npos) return std::nullopt;
  const std::string_view name = content.substr(0, name_end);
  const std::string_view rest = trim(content.substr(name_end));
  if (!is_dotted_name(name) || rest.empty() || (rest.front() != ':' && rest.front() != '=')) return std::nullopt;
  return std::pair{name, trim(rest.substr(1))};
}

}  // namespace

std::optional<std::string_view> SysctlCapture::value(std::string_view name) const {
  for (auto entry = values.rbegin(); entry != values.rend(); ++entry) {
    if (entry->first == name) return entry->second;
  }
  return std::nullopt;
}

std::optional<std::int64_t> SysctlCapture::integer(std::string_view name) const {
  const auto text = value(name);
  return text ? parse_integer(*text) : std::nullopt;
}

SysctlCapture parse_sysctl(std::string_view text) {
  SysctlCapture result;
  for (const Line& line : split_lines(text)) {
    const std::string_view content = trim(line.text);
    if (is_command_echo(content, {"sysctl"})) continue;
    if (const auto unknown = unknown_name(content)) {
      result.unknown.emplace_back(*unknown);
    } else if (const auto entry = name_and_value(content)) {
      result.values.emplace_back(entry->first, entry->second);
    } else {
      result.problems.push_back(line_problem(line.number, "not a \"name: value\" line: " + quoted_excerpt(content)));
    }
  }
  return result;
}

}  // namespace nwaudit::capture
