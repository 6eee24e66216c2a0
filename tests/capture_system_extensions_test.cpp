#include <doctest/doctest.h>

#include <string>

#include "nwaudit/capture/system_extensions_list.h"
#include "test_support.h"

using namespace nwaudit::capture;

namespace {

constexpr const char* kNetwork = "com.apple.system_extension.network_extension";
constexpr const char* kEndpoint = "com.apple.system_extension.endpoint_security";

// macOS 14 and later: the section lines say where in System Settings to change things.
const std::string kSonomaCapture =
    "3 extension(s)\n"
    "--- com.apple.system_extension.network_extension (Go to 'System Settings > General > Login Items & "
    "Extensions > Network Extensions' to modify these system extension(s))\n"
    "enabled\tactive\tteamID\tbundleID (version)\tname\t[state]\n"
    "*\t*\tVBG97UB4TA\tcom.objective-see.lulu.extension (2.4.2/2.4.2)\tLuLu\t[activated enabled]\n"
    "\t*\tA1B2C3D4E5\tcom.example.vpn.tunnel (1.2/120)\tExample VPN Tunnel\t[activated waiting for user]\n"
    "--- com.apple.system_extension.endpoint_security (Go to 'System Settings > General > Login Items & "
    "Extensions > Endpoint Security Extensions' to modify these system extension(s))\n"
    "enabled\tactive\tteamID\tbundleID (version)\tname\t[state]\n"
    "\t\tAD94776VX5\tcom.example.es.agent (1.0.4/35)\tExample (Beta) Agent\t[terminated waiting to uninstall on reboot]\n";

SystemExtensionsList parse_reference(const std::string& name) {
  return parse_system_extensions_list(
      nwaudit::test::slurp(nwaudit::test::shared_reference("sysext_list/" + name).string()));
}

}  // namespace

TEST_CASE("capture: systemextensionsctl list, tab-separated, sections and all columns") {
  const auto parsed = parse_system_extensions_list(kSonomaCapture);
  CHECK(parsed.problems.empty());
  REQUIRE(parsed.extensions.size() == 3);

  const auto& lulu = parsed.extensions[0];
  CHECK(lulu.category == kNetwork);
  CHECK(lulu.enabled);
  CHECK(lulu.active);
  CHECK(lulu.team_id == "VBG97UB4TA");
  CHECK(lulu.bundle_id == "com.objective-see.lulu.extension");
  CHECK(lulu.short_version == "2.4.2");
  CHECK(lulu.bundle_version == "2.4.2");
  CHECK(lulu.state == "activated_enabled");

  const auto& vpn = parsed.extensions[1];
  CHECK_FALSE(vpn.enabled);
  CHECK(vpn.active);
  CHECK(vpn.bundle_version == "120");
  CHECK(vpn.state == "activated_waiting_for_user");

  const auto& agent = parsed.extensions[2];
  CHECK(agent.category == kEndpoint);
  CHECK_FALSE(agent.enabled);
  CHECK_FALSE(agent.active);
  CHECK(agent.state == "terminated_waiting_to_uninstall_on_reboot");
}

TEST_CASE("capture: systemextensionsctl list with its tabs collapsed to spaces") {
  const auto parsed = parse_system_extensions_list(
      "2 extension(s)\n"
      "--- com.apple.system_extension.network_extension\n"
      "enabled active teamID bundleID (version) name [state]\n"
      "    VBG97UB4TA  com.objective-see.lulu.extension (2.4.0/2.4.0)  Extension [terminated waiting to uninstall on reboot]\n"
      "* * VBG97UB4TA  com.objective-see.lulu.extension (2.4.2/2.4.2)  Extension [activated enabled]\n"
      "* A1B2C3D4E5 com.example.enabled.only (1/1) Enabled Only [activated disabled]\n"
      "  * A1B2C3D4E5 com.example.active.only (1/1) Active Only [activated waiting for user]\n"
      "* * G43BCU2T37 org.pqrs.driverkit.Keyboard (0.2.13/0.2.13) org.pqrs.driverkit.Keyboard[activated enabled]\n");
  CHECK(parsed.problems.empty());
  REQUIRE(parsed.extensions.size() == 5);
  CHECK_FALSE(parsed.extensions[0].enabled);
  CHECK_FALSE(parsed.extensions[0].active);
  CHECK(parsed.extensions[0].team_id == "VBG97UB4TA");
  CHECK(parsed.extensions[0].state == "terminated_waiting_to_uninstall_on_reboot");
  CHECK(parsed.extensions[1].enabled);
  CHECK(parsed.extensions[1].active);
  CHECK(parsed.extensions[1].short_version == "2.4.2");
  CHECK(parsed.extensions[2].enabled);
  CHECK_FALSE(parsed.extensions[2].active);
  CHECK_FALSE(parsed.extensions[3].enabled);
  CHECK(parsed.extensions[3].active);
  CHECK(parsed.extensions[4].state == "activated_enabled");
}

TEST_CASE("capture: indented systemextensionsctl block with a lone star") {
  const auto parsed = parse_system_extensions_list(
      "    1 extension(s)\n"
      "    --- com.apple.system_extension.network_extension\n"
      "    enabled active teamID bundleID (version) name [state]\n"
      "    * A1B2C3D4E5 com.example.filter (3.0/300) Filter [activated enabled]\n");
  CHECK(parsed.problems.empty());
  REQUIRE(parsed.extensions.size() == 1);
  CHECK(parsed.extensions[0].enabled);
  CHECK_FALSE(parsed.extensions[0].active);
  CHECK(parsed.extensions[0].category == kNetwork);
}

TEST_CASE("capture: systemextensionsctl list with CRLF, a pasted prompt and the command echoed") {
  const auto parsed = parse_system_extensions_list(
      "mbp:~ jo$ systemextensionsctl list\r\n"
      "systemextensionsctl list\r\n"
      "% systemextensionsctl list\r\n"
      "1 extension(s)\r\n"
      "\r\n"
      "--- com.apple.system_extension.network_extension\r\n"
      "enabled\tactive\tteamID\tbundleID (version)\tname\t[state]\r\n"
      "*\t*\tVBG97UB4TA\tcom.objective-see.lulu.extension (2.3.0/2.3.0)\tExtension\t[activated enabled]\r\n");
  CHECK(parsed.problems.empty());
  REQUIRE(parsed.extensions.size() == 1);
  CHECK(parsed.extensions[0].bundle_id == "com.objective-see.lulu.extension");
  CHECK(parsed.extensions[0].state == "activated_enabled");
}

TEST_CASE("capture: systemextensionsctl rows cut short keep what is certain") {
  const std::string head =
      "2 extension(s)\n--- com.apple.system_extension.network_extension\n"
      "enabled\tactive\tteamID\tbundleID (version)\tname\t[state]\n";
  SUBCASE("inside the bundle version") {
    const auto parsed = parse_system_extensions_list(head + "\t\tW5364U7YZB\tio.tailscale.ipn.macsys.network-extension (1.7.380/101.7");
    CHECK(parsed.problems.empty());
    REQUIRE(parsed.extensions.size() == 1);
    const auto& cut = parsed.extensions[0];
    CHECK(cut.team_id == "W5364U7YZB");
    CHECK(cut.bundle_id == "io.tailscale.ipn.macsys.network-extension");
    CHECK(cut.short_version == "1.7.380");
    CHECK(cut.bundle_version.empty());
    CHECK(cut.state.empty());
    CHECK(cut.category == kNetwork);
  }
  SUBCASE("inside the name") {
    const auto parsed = parse_system_extensions_list(head + "*\t*\tVBG97UB4TA\tcom.objective-see.lulu.extension (2.4.2/2.4.2)\tLu");
    REQUIRE(parsed.extensions.size() == 1);
    CHECK(parsed.extensions[0].bundle_version == "2.4.2");
    CHECK(parsed.extensions[0].state.empty());
  }
  SUBCASE("inside the state") {
    const auto parsed = parse_system_extensions_list(head + "*\t*\tVBG97UB4TA\tcom.objective-see.lulu.extension (2.4.2/2.4.2)\tLuLu\t[activated ena");
    REQUIRE(parsed.extensions.size() == 1);
    CHECK(parsed.extensions[0].bundle_version == "2.4.2");
    CHECK(parsed.extensions[0].state.empty());
  }
  SUBCASE("inside the column header") {
    const auto parsed = parse_system_extensions_list(
        "1 extension(s)\n--- com.apple.system_extension.network_extension\nenabled\tactive\tteamID\tbundleID (version)\tname\t[st");
    CHECK(parsed.problems.empty());
    CHECK(parsed.extensions.empty());
  }
}

TEST_CASE("capture: lines that are not system extensions become problems") {
  const auto parsed = parse_system_extensions_list(
      "1 extension(s)\n"
      "--- com.apple.system_extension.endpoint_security\n"
      "enabled\tactive\tteamID\tbundleID (version)\tname\t[state]\n"
      "At this time, this tool cannot be used if System Integrity Protection is enabled.\n"
      "*\t*\tlowercase1\tcom.example.agent (1/1)\tAgent\t[activated enabled]\n"
      "* * * A1B2C3D4E5 com.example.agent (1/1) Agent [activated enabled]\n"
      "x\t*\tA1B2C3D4E5\tcom.example.agent (1/1)\tAgent\t[activated enabled]\n"
      "  0: macos.systemExtension teamID=\"P3FGV63VK7\" identifier=\"io.kandji.KandjiAgent.ESF-Extension\"\n"
      "*\t*\tAD94776VX5\tcom.example.agent (1.0.4/35)\tAgent\t[activated enabled]\n");
  REQUIRE(parsed.problems.size() == 5);
  CHECK(parsed.problems[0].line == 4);
  CHECK(parsed.problems[4].line == 8);
  REQUIRE(parsed.extensions.size() == 1);
  CHECK(parsed.extensions[0].bundle_version == "35");
  CHECK(parsed.extensions[0].category == kEndpoint);
}

TEST_CASE("capture: empty systemextensionsctl captures") {
  const auto nothing = parse_system_extensions_list("");
  CHECK(nothing.extensions.empty());
  CHECK(nothing.problems.empty());
  const auto none = parse_system_extensions_list("0 extension(s)\n");
  CHECK(none.extensions.empty());
  CHECK(none.problems.empty());
}

TEST_CASE("capture: every prefix of a systemextensionsctl capture parses") {
  const auto whole = parse_system_extensions_list(kSonomaCapture);
  for (std::size_t length = 0; length <= kSonomaCapture.size(); ++length) {
    const auto parsed = parse_system_extensions_list(std::string_view(kSonomaCapture).substr(0, length));
    CHECK(parsed.extensions.size() <= whole.extensions.size());
    for (const auto& extension : parsed.extensions) CHECK_FALSE(extension.bundle_id.empty());
  }
}

TEST_CASE("capture: the real systemextensionsctl samples in ../shared") {
  if (nwaudit::test::shared_reference("sysext_list").empty()) {
    MESSAGE("SKIPPED: ../shared/reference/sysext_list is not beside the checkout");
    return;
  }

  const auto lulu = parse_reference("lulu-issue331-bigsur.txt");
  CHECK(lulu.problems.empty());
  REQUIRE(lulu.extensions.size() == 1);
  CHECK(lulu.extensions[0].category == kNetwork);
  CHECK(lulu.extensions[0].bundle_id == "com.objective-see.lulu.extension");
  CHECK(lulu.extensions[0].short_version == "2.3.0");
  CHECK(lulu.extensions[0].state == "activated_enabled");
  CHECK(lulu.extensions[0].enabled);

  const auto spaces = parse_reference("ayewo-code-diary-lulu-spaces.txt");
  CHECK(spaces.problems.empty());
  REQUIRE(spaces.extensions.size() == 2);
  CHECK_FALSE(spaces.extensions[0].active);
  CHECK(spaces.extensions[0].state == "terminated_waiting_to_uninstall_on_reboot");
  CHECK(spaces.extensions[1].active);
  CHECK(spaces.extensions[1].enabled);
  CHECK(spaces.extensions[1].short_version == "2.4.2");

  const auto tailscale = parse_reference("tailscale-issue3230-monterey-macsys-partial.txt");
  CHECK(tailscale.problems.empty());
  REQUIRE(tailscale.extensions.size() == 1);
  CHECK(tailscale.extensions[0].bundle_id == "io.tailscale.ipn.macsys.network-extension");
  CHECK(tailscale.extensions[0].state.empty());  // the capture was cut before it
  CHECK_FALSE(tailscale.extensions[0].enabled);

  const auto crescendo = parse_reference("crescendo-issue17-endpointsecurity.txt");
  REQUIRE(crescendo.extensions.size() == 1);
  CHECK(crescendo.extensions[0].category == kEndpoint);
  CHECK(crescendo.extensions[0].bundle_version == "35");
  CHECK(crescendo.problems.size() == 6);  // what `systemextensionsctl reset` and `uninstall` printed after it

  const auto header_only = parse_reference("macmonitor-issue31-ventura-header-only.txt");
  CHECK(header_only.extensions.empty());
  CHECK(header_only.problems.empty());

  for (const char* rendering : {"mondoohq-pr4371-cnquery-systemExtensions-NONRAW.txt", "munki-facts-pr26-parsed-NONRAW.txt"}) {
    const auto parsed = parse_reference(rendering);
    CHECK(parsed.extensions.empty());
    CHECK_FALSE(parsed.problems.empty());
  }

  for (const auto& entry : std::filesystem::directory_iterator(nwaudit::test::shared_reference("sysext_list"))) {
    const std::string text = nwaudit::test::slurp(entry.path().string());
    for (std::size_t length = 0; length <= text.size(); ++length) {
      parse_system_extensions_list(std::string_view(text).substr(0, length));
    }
  }
}
