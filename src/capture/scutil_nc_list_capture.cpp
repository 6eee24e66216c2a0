#include "nwaudit/capture/scutil_nc_list_capture.h"

namespace nwaudit::capture {
namespace {

// The text between `open` at the start of `rest` and the next `close`, consumed from `rest`.
std::optional<std::string_view> take_enclosed(std::string_view& rest, char open, char close) {
  if (rest.empty() || rest.front() != open) return std::nullopt;
  const std::size_t end = rest.find(close, 1);
  if (end == std::string_view::npos) return std::nullopt;
  const std::string_view inside = rest.substr(1, end - 1);
  rest = trim(rest.substr(end + 1));
  return inside;
}

std::string_view take_word(std::string_view& rest) {
  const std::size_t end = rest.find_first_of(" \t");
  const std::string_view word = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view{} : trim(rest.substr(end));
  return word;
}

std::optional<NetworkConnectionService> parse_service(std::string_view line) {
  NetworkConnectionService service;
  std::string_view rest = line;
  if (rest.starts_with("*")) {
    service.enabled = true;
    rest = trim(rest.substr(1));
  }
  const auto status = take_enclosed(rest, '(', ')');
  if (!status) return std::nullopt;
  service.status = std::string(*status);
  service.service_id = std::string(take_word(rest));
  service.kind = std::string(take_word(rest));
  if (service.service_id.empty() || service.kind.empty()) return std::nullopt;
  if (const auto subtype = take_enclosed(rest, '(', ')')) {
    service.subtype = std::string(*subtype);
  } else if (rest.starts_with("-->")) {  // a PPP service names what it runs over: "PPP --> L2TP"
    rest = trim(rest.substr(3));
    service.subtype = std::string(take_word(rest));
  }
  if (rest.empty() || rest.front() != '"') return std::nullopt;  // the name, which is not kept
  return service;
}

}  // namespace

NetworkConnectionList parse_scutil_nc_list(std::string_view text) {
  NetworkConnectionList result;
  for (const Line& line : split_lines(text)) {
    const std::string_view content = trim(line.text);
    // A line of its own for the "[VPN:…]" tag is one that a terminal or a paste wrapped.
    if (content.starts_with("#") || content.starts_with("[") || is_command_echo(content, {"scutil"})) continue;
    if (content.starts_with("Available network connection services")) {
      result.header_found = true;
      continue;
    }
    if (auto service = parse_service(content)) {
      result.services.push_back(std::move(*service));
    } else {
      result.problems.push_back(line_problem(line.number, "not a service line: " + quoted_excerpt(content)));
    }
  }
  return result;
}

}  // namespace nwaudit::capture
