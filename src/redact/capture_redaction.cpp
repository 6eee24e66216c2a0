#include "capture_redaction.h"

#include <cctype>
#include <functional>

#include "address_shapes.h"
#include "nwaudit/capture/syslog_style_line.h"
#include "nwaudit/capture/text_lines.h"
#include "personal_keys.h"
#include "text_scan.h"

namespace nwaudit::redact {
namespace {

using LineRedaction = std::function<std::string(std::string_view line)>;

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// Each line through `redact`, its line ending kept.
std::string by_line(std::string_view text, const LineRedaction& redact) {
  std::string result;
  result.reserve(text.size());
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    std::size_t next = end;
    while (next < text.size() && (text[next] == '\r' || text[next] == '\n') && next - end < 2) {
      if (text[next] == '\n') {
        ++next;
        break;
      }
      ++next;
    }
    result += redact(text.substr(start, end - start));
    result += text.substr(end, next - end);
    start = next;
  }
  return result;
}

std::string replace_range(std::string_view line, std::size_t start, std::size_t end, const std::string& with) {
  return std::string(line.substr(0, start)) + with + std::string(line.substr(end));
}

// "user@host ~ % cmd", "[user@host dir]$ cmd" and bash's "host:dir user$ cmd".
std::string redact_prompt(std::string_view line, Pseudonyms& names) {
  std::size_t start = 0;
  while (start < line.size() && is_blank(line[start])) ++start;
  if (start < line.size() && line[start] == '[') ++start;
  const std::size_t blank = line.find_first_of(" \t", start);
  const std::string_view first = line.substr(start, blank == std::string_view::npos ? std::string_view::npos : blank - start);
  const std::size_t at = first.find('@');
  bool marked = false;
  for (std::string_view marker : {" % ", " $ ", " # ", "]$ ", "]# "}) marked = marked || line.find(marker) != std::string_view::npos;
  if (at != std::string_view::npos && at > 0 && marked) {
    std::string_view host = first.substr(at + 1);
    if (host.ends_with("]")) host.remove_suffix(1);
    const std::string user = names.of(Kind::user, first.substr(0, at));
    const std::string replaced = user + "@" + names.of(Kind::host, host) + std::string(first.substr(at + 1 + host.size()));
    return replace_range(line, start, start + first.size(), replaced);
  }
  const auto fields = capture::split_fields(line);
  if (fields.size() >= 2 && capture::is_command_echo(line, {})) {
    const std::string_view host_and_dir = fields[0];
    const std::string_view user = fields[1].substr(0, fields[1].size() - 1);
    const std::size_t colon = host_and_dir.find(':');
    const std::string prompt = names.of(Kind::host, host_and_dir.substr(0, colon)) +
                               std::string(host_and_dir.substr(colon)) + " " + names.of(Kind::user, user) +
                               fields[1].back();
    const std::size_t begin = static_cast<std::size_t>(host_and_dir.data() - line.data());
    const std::size_t end = static_cast<std::size_t>(fields[1].data() + fields[1].size() - line.data());
    return replace_range(line, begin, end, prompt);
  }
  return std::string(line);
}

// "kern.hostname: Alices-MacBook-Pro" or "kern.hostname = ...": the value of a sysctl naming the Mac.
std::string redact_sysctl_line(std::string_view line, Pseudonyms& names) {
  const std::size_t separator = line.find_first_of(":=");
  if (separator == std::string_view::npos) return std::string(line);
  const std::string_view name = capture::trim(line.substr(0, separator));
  std::optional<Kind> kind;
  if (name == "kern.hostname" || name == "kern.nisdomainname" || name == "kern.domainname") kind = Kind::host;
  if (name.find("serial") != std::string_view::npos) kind = Kind::serial;
  if (name == "kern.hostuuid" || name.find("platform_uuid") != std::string_view::npos) kind = Kind::hardware_uuid;
  const std::string_view value = capture::trim(line.substr(separator + 1));
  if (!kind || value.empty()) return std::string(line);
  const std::size_t start = static_cast<std::size_t>(value.data() - line.data());
  return replace_range(line, start, start + value.size(), names.of(*kind, value));
}

// A `log show --style syslog` entry: the host after the time.
std::string redact_log_line(std::string_view line, Pseudonyms& names) {
  const auto entry = capture::parse_syslog_style_line(line);
  if (!entry) return std::string(line);
  std::size_t start = static_cast<std::size_t>(entry->time.data() + entry->time.size() - line.data());
  while (start < line.size() && is_blank(line[start])) ++start;
  std::size_t end = start;
  while (end < line.size() && !is_blank(line[end])) ++end;
  const std::string_view host = line.substr(start, end - start);
  if (host.empty() || host == "localhost") return std::string(line);
  return replace_range(line, start, end, names.of(Kind::host, host));
}

// `agent domain:NetworkExtension type:VPN ... desc:"VPN: NAME"`.
std::string redact_ifconfig_line(std::string_view line, Pseudonyms& names) {
  constexpr std::string_view kDescription = "desc:\"";
  const std::size_t found = line.find(kDescription);
  if (found == std::string_view::npos || line.find("domain:NetworkExtension") == std::string_view::npos) {
    return std::string(line);
  }
  const std::size_t start = found + kDescription.size();
  const std::size_t end = line.rfind('"');
  if (end == std::string_view::npos || end <= start) return std::string(line);
  return replace_range(line, start, end, redact_agent_description(line.substr(start, end - start), names));
}

// `scutil --proxy`: the value of a proxy's server or configuration URL, and each entry of a
// list (the exceptions), which name the organization's hosts.
std::string redact_scutil_proxy_line(std::string_view line, Pseudonyms& names) {
  const std::size_t colon = line.find(" : ");
  if (colon == std::string_view::npos) return std::string(line);
  const std::string_view key = capture::trim(line.substr(0, colon));
  const std::string_view value = capture::trim(line.substr(colon + 3));
  const bool names_server = key.ends_with("Proxy") || key.ends_with("URLString") ||
                            (!key.empty() && std::isdigit(static_cast<unsigned char>(key.front())));
  if (!names_server || value.empty() || value.ends_with("{")) return std::string(line);
  const std::size_t start = static_cast<std::size_t>(value.data() - line.data());
  return replace_range(line, start, start + value.size(), redact_server(value, names));
}

// `scutil --nc list`: the service's name, between the last pair of quotes before its type.
std::string redact_nc_list_line(std::string_view line, Pseudonyms& names) {
  const std::size_t start = line.find('"');
  const std::size_t end = line.rfind('"');
  if (start == std::string_view::npos || end <= start + 1) return std::string(line);
  return replace_range(line, start + 1, end, redact_value(Kind::name, line.substr(start + 1, end - start - 1), names));
}

// A host name in a pf rule: dotted labels, letters in the last; not an address, macro or table.
bool is_pf_host_name(std::string_view token) {
  if (token.starts_with("!")) token.remove_prefix(1);
  const std::size_t dot = token.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == token.size()) return false;
  for (char c : token) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-')) return false;
  }
  for (char c : token.substr(dot + 1)) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// The hosts a pf rule names after "from" and "to" ("to vpn.example.com", "from { a.example, b.example }").
std::string redact_pf_line(std::string_view line, Pseudonyms& names) {
  std::string result;
  bool after_direction = false, in_list = false;
  std::size_t at = 0;
  while (at < line.size()) {
    if (is_blank(line[at]) || line[at] == ',') {
      result += line[at++];
      continue;
    }
    std::size_t end = at;
    while (end < line.size() && !is_blank(line[end]) && line[end] != ',') ++end;
    std::string_view token = line.substr(at, end - at);
    if (token == "{") in_list = after_direction;
    if (token == "}") in_list = false;
    std::string_view bare = token;
    std::string prefix, suffix;
    if (bare.starts_with("{")) {
      bare.remove_prefix(1);
      prefix = "{";
      in_list = after_direction;
    }
    if (bare.ends_with("}")) {
      bare.remove_suffix(1);
      suffix = "}";
    }
    if ((after_direction || in_list) && is_pf_host_name(bare)) {
      const bool negated = bare.starts_with("!");
      result += prefix + (negated ? "!" : "") + names.of(Kind::server, negated ? bare.substr(1) : bare) + suffix;
    } else {
      result += token;
    }
    if (!suffix.empty()) in_list = false;
    after_direction = token == "from" || token == "to";
    at = end;
  }
  return result;
}

}  // namespace

std::string redact_pf_text(std::string_view text, Pseudonyms& names) {
  return by_line(text, [&](std::string_view line) {
    return redact_text(redact_pf_line(redact_prompt(line, names), names), names);
  });
}

std::string redact_capture(std::string_view name, std::string_view text, Pseudonyms& names) {
  if (name.starts_with("pf")) return redact_pf_text(text, names);
  LineRedaction fields = [](std::string_view line) { return std::string(line); };
  if (name.starts_with("sysctl")) fields = [&](std::string_view line) { return redact_sysctl_line(line, names); };
  if (name.starts_with("log")) fields = [&](std::string_view line) { return redact_log_line(line, names); };
  if (name.starts_with("ifconfig")) fields = [&](std::string_view line) { return redact_ifconfig_line(line, names); };
  if (name.starts_with("scutil-proxy")) fields = [&](std::string_view line) { return redact_scutil_proxy_line(line, names); };
  if (name.starts_with("scutil-nc")) fields = [&](std::string_view line) { return redact_nc_list_line(line, names); };
  return by_line(text, [&](std::string_view line) {
    return redact_text(fields(redact_prompt(line, names)), names);
  });
}

}  // namespace nwaudit::redact
