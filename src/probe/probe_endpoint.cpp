#include "nwaudit/capture/text_lines.h"
#include "nwaudit/probe/measure.h"

namespace nwaudit {

Expected<ProbeEndpoint> parse_probe_endpoint(std::string_view text) {
  const auto malformed = [&](std::string reason) {
    return Error{ErrorKind::malformed, std::string(text), "", std::move(reason)};
  };
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos) return malformed("expected HOST:PORT");
  std::string_view host = text.substr(0, colon);
  if (host.starts_with('[') && host.ends_with(']')) host = host.substr(1, host.size() - 2);
  else if (host.find(':') != std::string_view::npos) return malformed("write an IPv6 address in brackets: [ADDRESS]:PORT");
  if (host.empty()) return malformed("the host is missing");
  const auto port = capture::parse_integer(text.substr(colon + 1));
  if (!port || *port < 1 || *port > 65535) return malformed("the port must be a number from 1 to 65535");
  return ProbeEndpoint{std::string(host), static_cast<std::uint16_t>(*port)};
}

}  // namespace nwaudit
