#include <doctest/doctest.h>

#include <string>

#include "nwaudit/capture/scutil_nc_list_capture.h"
#include "nwaudit/capture/scutil_proxy_capture.h"

using namespace nwaudit::capture;

TEST_CASE("capture: scutil --nc list, with a provider's VPN, a PPP service and a wrapped tag") {
  // The shapes of public captures and tests (a Tailscale post whose tag wrapped onto its own line,
  // PPP services shown as "PPP --> L2TP"); identifiers made up.
  const std::string text =
      "#\n# scutil --nc list\n#\n"
      "Available network connection services in the current set (*=enabled):\n"
      "* (Connected)      11D4583A-E7CD-4CEC-A36F-F696A0F8E3B6 VPN (io.tailscale.ipn.macsys) \"Tailscale\"\n"
      "[VPN:io.tailscale.ipn.macsys]\n"
      "* (Disconnected)   433F9543-CD7C-4D19-8BB5-5ACDDADDEEE8 PPP --> L2TP       \"Office (old)\"   [PPP:L2TP]\n"
      "  (Disconnected)   8F6A1B2C-0000-0000-0000-000000000002 IPSec \"Corp\" [IPSec]\n";
  const NetworkConnectionList list = parse_scutil_nc_list(text);
  CHECK(list.header_found);
  CHECK(list.problems.empty());
  REQUIRE(list.services.size() == 3);
  CHECK(list.services[0].enabled);
  CHECK(list.services[0].status == "Connected");
  CHECK(list.services[0].service_id == "11D4583A-E7CD-4CEC-A36F-F696A0F8E3B6");
  CHECK(list.services[0].kind == "VPN");
  CHECK(list.services[0].subtype == "io.tailscale.ipn.macsys");
  CHECK(list.services[1].kind == "PPP");
  CHECK(list.services[1].subtype == "L2TP");
  CHECK_FALSE(list.services[2].enabled);
  CHECK(list.services[2].kind == "IPSec");
  CHECK(list.services[2].subtype.empty());
}

TEST_CASE("capture: scutil --nc list skips lines it cannot read and says which") {
  const NetworkConnectionList list = parse_scutil_nc_list(
      "Available network connection services in the current set (*=enabled):\n"
      "* (Connected\n"
      "* (Connected) 11D4583A-E7CD-4CEC-A36F-F696A0F8E3B6\n"
      "garbage\n"
      "* (Disconnected) 8F6A1B2C-0000-0000-0000-000000000002 VPN (com.example.vpn) \"x\" [VPN:com.example.vpn]\n");
  CHECK(list.services.size() == 1);
  REQUIRE(list.problems.size() == 3);
  CHECK(list.problems[0].line == 2);
  CHECK(parse_scutil_nc_list("").services.empty());
  CHECK_FALSE(parse_scutil_nc_list("").header_found);
}

TEST_CASE("capture: scutil --proxy, the proxies switched on with their servers") {
  const std::string text =
      "<dictionary> {\n"
      "  ExceptionsList : <array> {\n    0 : *.local\n    1 : 169.254/16\n  }\n"
      "  FTPPassive : 1\n"
      "  HTTPEnable : 0\n  HTTPPort : 8080\n  HTTPProxy : unused.example\n"
      "  HTTPSEnable : 1\n  HTTPSPort : 3129\n  HTTPSProxy : sproxy.example\n"
      "  ProxyAutoConfigEnable : 1\n  ProxyAutoConfigURLString : http://pac.example/proxy.pac\n"
      "  ProxyAutoDiscoveryEnable : 1\n"
      "  __SCOPED__ : <dictionary> {\n    en0 : <dictionary> {\n      SOCKSEnable : 1\n    }\n  }\n"
      "}\n";
  const ProxyConfiguration configuration = parse_scutil_proxy(text);
  CHECK(configuration.dictionary_found);
  CHECK(configuration.problems.empty());
  REQUIRE(configuration.proxies.size() == 3);  // the scoped SOCKS proxy is not the system's
  CHECK(configuration.proxies[0].kind == "https");
  CHECK(configuration.proxies[0].host == "sproxy.example");
  CHECK(configuration.proxies[0].port == 3129);
  CHECK(configuration.proxies[1].kind == "pac");
  CHECK(configuration.proxies[1].host == "http://pac.example/proxy.pac");
  CHECK_FALSE(configuration.proxies[1].port);
  CHECK(configuration.proxies[2].kind == "auto-discovery");
}

TEST_CASE("capture: scutil --proxy with nothing switched on, cut short, or not scutil's at all") {
  CHECK(parse_scutil_proxy("<dictionary> {\n  HTTPEnable : 0\n}\n").proxies.empty());
  const ProxyConfiguration cut = parse_scutil_proxy("<dictionary> {\n  HTTPSEnable : 1\n  HTTPSProxy : p.example\n");
  CHECK(cut.proxies.size() == 1);
  const ProxyConfiguration foreign = parse_scutil_proxy("HTTPEnable=1\n}\n}\n");
  CHECK_FALSE(foreign.dictionary_found);
  CHECK(foreign.proxies.empty());
  CHECK(foreign.problems.size() == 3);
}
