// The Redactor on its own: which values it replaces, with which pseudonyms, and what it keeps.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include <pugixml.hpp>

#include "nwaudit/plist/parse.h"
#include "nwaudit/redact/redactor.h"

using nwaudit::redact::RedactedKind;
using nwaudit::redact::Redactor;

namespace {

std::size_t count_of(const Redactor& redactor, const std::string& kind) {
  for (const RedactedKind& entry : redactor.kinds()) {
    if (entry.kind == kind) return entry.values;
  }
  return 0;
}

}  // namespace

TEST_CASE("redactor: the same value gets the same pseudonym everywhere, numbered in order of first sight") {
  Redactor redactor;
  CHECK(redactor.text("inet 192.168.1.42 and 10.0.0.7, again 192.168.1.42") ==
        "inet 192.168.x-1 and 10.x-1, again 192.168.x-1");
  CHECK(redactor.path("/Users/alice/Applications/LuLu.app") == "/Users/user-1/Applications/LuLu.app");
  CHECK(redactor.text("a file in /Users/alice/Documents and one of /Users/bob") ==
        "a file in /Users/user-1/Documents and one of /Users/user-2");
  // A value seen once is replaced wherever it stands alone afterwards.
  CHECK(redactor.text("owner: alice.") == "owner: user-1.");
  CHECK(redactor.text("com.alice.tool") == "com.alice.tool");
  CHECK(count_of(redactor, "ipv4") == 2);
  CHECK(count_of(redactor, "user") == 2);
}

TEST_CASE("redactor: addresses, e-mail addresses, MAC addresses and .local names are found by their shape") {
  Redactor redactor;
  CHECK(redactor.text("ether a4:83:e7:2c:51:9d") == "ether mac-1");
  CHECK(redactor.text("inet6 fe80::1c8a:4d2e:9b70:5f13%en0 prefixlen 64") == "inet6 fe80::x-1%en0 prefixlen 64");
  CHECK(redactor.text("inet6 2001:db8:7a10:3c00:14e2:9b5d:c061:7fa2 prefixlen 64") == "inet6 ipv6-1 prefixlen 64");
  CHECK(redactor.text("mail alice.appleseed@corp.example.com now") == "mail email-1 now");
  CHECK(redactor.text("ping Alices-MacBook-Pro.local") == "ping host-1.local");
  CHECK(redactor.text("flow 203.0.113.7.443 <-> 100.64.0.2") == "flow ipv4-1.443 <-> 100.64.x-1");
  CHECK(redactor.text("link 169.254.10.20, shared 172.20.1.1") == "link 169.254.x-1, shared 172.16.x-1");
}

TEST_CASE("redactor: what every Mac has and what the verdict needs is kept") {
  Redactor redactor;
  const std::string kept =
      "inet 127.0.0.1 netmask 255.255.255.0 inet6 ::1 fe80::1%lo0 0.0.0.0 224.0.0.251 ff02::fb "
      "ether 00:00:00:00:00:00 macOS 14.5.1 (23F79) NWA-KERNEL-NETAGENT com.objective-see.lulu.extension "
      "(2.6.3.1/2.6.3.1) com.example.kext (5.2.1.12) en0 utun4 VBG97UB4TA 0F3A2C1B-7D64-4E8B-A1C9-2B3D4E5F6A7B "
      "2026-11-30 10:21:37.004512+0100 Hostname#7bb1a4a7:443 std::string /Users/Shared/x";
  CHECK(redactor.text(kept) == kept);
  CHECK(redactor.kinds().empty());
}

TEST_CASE("redactor: property lists are redacted by key and written back as XML") {
  Redactor redactor;
  const std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict>
<key>System</key><dict><key>System</key><dict><key>ComputerName</key><string>Alice's MacBook Pro</string>
<key>HostName</key><string>alice.example.net</string></dict></dict>
<key>NetworkServices</key><dict><key>S1</key><dict>
<key>UserDefinedName</key><string>Wi-Fi</string>
<key>Interface</key><dict><key>DeviceName</key><string>en0</string><key>UserDefinedName</key><string>Alice Home VPN</string></dict>
<key>PPP</key><dict><key>AuthName</key><string>alice-ppp</string><key>AuthPassword</key><string>hunter2</string>
<key>CommRemoteAddress</key><string>vpn.example.org</string></dict>
<key>Proxies</key><dict><key>ProxyAutoConfigURLString</key><string>http://wpad.example.org:8080/wpad.dat</string>
<key>ExceptionsList</key><array><string>*.local</string><string>intranet.example.org</string></array></dict>
</dict></dict>
<key>IOMACAddress</key><data>pIPnLFGd</data>
<key>IOPlatformSerialNumber</key><string>C02XK1ABJG5H</string>
<key>IOPlatformUUID</key><string>564D8F2A-1B3C-4D5E-8F90-A1B2C3D4E5F6</string>
<key>CFBundleVersion</key><string>1.2.3.4</string>
</dict></plist>)";
  const std::string redacted = redactor.file("/Library/Preferences/SystemConfiguration/preferences.plist", xml);
  for (const char* gone : {"Alice", "alice", "hunter2", "vpn.example.org", "wpad.example.org", "intranet.example.org",
                           "C02XK1ABJG5H", "564D8F2A-1B3C-4D5E-8F90-A1B2C3D4E5F6", "pIPnLFGd"}) {
    CAPTURE(gone);
    CHECK(redacted.find(gone) == std::string::npos);
  }
  auto value = nwaudit::plist::parse(redacted, "redacted");
  REQUIRE(value);
  CHECK(*value->at({"NetworkServices", "S1", "UserDefinedName"})->string() == "Wi-Fi");
  CHECK(*value->at({"NetworkServices", "S1", "Interface", "DeviceName"})->string() == "en0");
  CHECK(*value->at({"NetworkServices", "S1", "Interface", "UserDefinedName"})->string() == "name-1");
  CHECK(*value->at({"NetworkServices", "S1", "Proxies", "ProxyAutoConfigURLString"})->string() ==
        "http://server-3:8080/wpad.dat");
  CHECK(*value->find("CFBundleVersion")->string() == "1.2.3.4");
  CHECK(*value->find("IOPlatformSerialNumber")->string() == "serial-1");
  CHECK(*value->find("IOPlatformUUID")->string() == "uuid-1");
  // A binary property list comes back as XML with the same values.
  CHECK(redacted.find("<plist") != std::string::npos);
  for (const char* kind : {"host", "name", "account", "secret", "server", "mac", "serial", "hardware-uuid"}) {
    CAPTURE(kind);
    CHECK(count_of(redactor, kind) >= 1);
  }
  CHECK(count_of(redactor, "host") == 2);
  // The values seen in the file are then replaced in any text.
  CHECK(redactor.text("Alice's MacBook Pro at alice.example.net") == "host-1 at host-2");
}

TEST_CASE("redactor: captures lose prompts, host names, VPN names and pf hosts, and keep the rest") {
  Redactor redactor;
  CHECK(redactor.file("/.nwaudit/ifconfig-v.txt", "alice@Alices-MBP ~ % ifconfig -v\r\nlo0: flags=8049<UP> mtu 16384\r\n") ==
        "user-1@host-1 ~ % ifconfig -v\r\nlo0: flags=8049<UP> mtu 16384\r\n");
  CHECK(redactor.file("/.nwaudit/sysctl.txt", "Alices-MBP:~ alice$ sysctl kern\nkern.hostname: alice-mini\nkern.osversion: 23E224\n") ==
        "host-1:~ user-1$ sysctl kern\nkern.hostname: host-2\nkern.osversion: 23E224\n");
  CHECK(redactor.file("/.nwaudit/log-network.txt",
                      "2026-11-28 09:14:03.512345+0100  alice-mini kernel[0]: (kernel) net_filter_event\n"
                      "2026-11-28 09:14:04.512345+0100  localhost kernel[0]: (kernel) net_filter_event\n") ==
        "2026-11-28 09:14:03.512345+0100  host-2 kernel[0]: (kernel) net_filter_event\n"
        "2026-11-28 09:14:04.512345+0100  localhost kernel[0]: (kernel) net_filter_event\n");
  CHECK(redactor.file("/.nwaudit/ifconfig-v.txt",
                      "\tagent domain:NetworkExtension type:VPN flags:0xf desc:\"VPN: Alice Home\"\n") ==
        "\tagent domain:NetworkExtension type:VPN flags:0xf desc:\"VPN: name-1\"\n");
  CHECK(redactor.file("/etc/pf.anchors/org.example", "block out to tracker.example.org\npass from { a.example.com, <t> } to any\n") ==
        "block out to server-1\npass from { server-2, <t> } to any\n");
  CHECK(redactor.file("/etc/pf.conf", "anchor \"org.example.vpn\"\nload anchor \"com.apple\" from \"/etc/pf.anchors/com.apple\"\n") ==
        "anchor \"org.example.vpn\"\nload anchor \"com.apple\" from \"/etc/pf.anchors/com.apple\"\n");
  const std::string proxies = redactor.file(
      "/.nwaudit/scutil-proxy.txt",
      "<dictionary> {\n  ExceptionsList : <array> {\n    0 : intranet.corp.example\n  }\n  HTTPSEnable : 1\n"
      "  HTTPSPort : 3128\n  HTTPSProxy : proxy.corp.example\n"
      "  ProxyAutoConfigURLString : http://wpad.corp.example/proxy.pac\n}\n");
  for (const char* gone : {"intranet.corp.example", "proxy.corp.example", "wpad.corp.example"}) {
    CAPTURE(gone);
    CHECK(proxies.find(gone) == std::string::npos);
  }
  CHECK(proxies.find("HTTPSPort : 3128") != std::string::npos);
  const std::string services = redactor.file(
      "/.nwaudit/scutil-nc-list.txt",
      "* (Connected)  11D4583A-E7CD-4CEC-A36F-F696A0F8E3B6 VPN (com.example.vpn) \"Alice at home\" [VPN:com.example.vpn]\n");
  CHECK(services.find("Alice at home") == std::string::npos);
  CHECK(services.find("VPN (com.example.vpn)") != std::string::npos);
  const std::string counters("\x01\x00\x00\x00\xc0\xa8\x01\x2a", 8);
  CHECK(redactor.file("/.nwaudit/net.api_stats", counters) == counters);
}

TEST_CASE("redactor: a keyed archive's personal strings are replaced through their references") {
  // $objects: a configuration named by its app, and one someone named, with a server and an SSID.
  const std::string archive = R"(<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict>
<key>$archiver</key><string>NSKeyedArchiver</string>
<key>$top</key><dict><key>A</key><dict><key>CF$UID</key><integer>1</integer></dict>
<key>B</key><dict><key>CF$UID</key><integer>4</integer></dict></dict>
<key>$objects</key><array>
<string>$null</string>
<dict><key>Name</key><dict><key>CF$UID</key><integer>2</integer></dict>
<key>ApplicationName</key><dict><key>CF$UID</key><integer>2</integer></dict>
<key>Application</key><dict><key>CF$UID</key><integer>3</integer></dict></dict>
<string>LuLu</string>
<string>com.objective-see.lulu.app</string>
<dict><key>Name</key><dict><key>CF$UID</key><integer>5</integer></dict>
<key>ApplicationName</key><dict><key>CF$UID</key><integer>6</integer></dict>
<key>ServerAddress</key><dict><key>CF$UID</key><integer>7</integer></dict>
<key>SSIDs</key><dict><key>CF$UID</key><integer>8</integer></dict></dict>
<string>Alice's VPN</string>
<string>System Settings</string>
<string>vpn.example.org</string>
<dict><key>NS.objects</key><array><dict><key>CF$UID</key><integer>9</integer></dict></array></dict>
<string>AppleseedWiFi</string>
</array></dict></plist>)";
  Redactor redactor;
  const std::string redacted = redactor.file("/Library/Preferences/com.apple.networkextension.plist", archive);
  CHECK(redacted.find("<string>LuLu</string>") != std::string::npos);
  CHECK(redacted.find("com.objective-see.lulu.app") != std::string::npos);
  CHECK(redacted.find("<string>System Settings</string>") != std::string::npos);
  for (const char* gone : {"Alice's VPN", "vpn.example.org", "AppleseedWiFi"}) {
    CAPTURE(gone);
    CHECK(redacted.find(gone) == std::string::npos);
  }
  CHECK(count_of(redactor, "name") == 1);
  CHECK(count_of(redactor, "server") == 1);
  CHECK(count_of(redactor, "ssid") == 1);
  // An absent value refers to $null, which every other absent value shares: it stays.
  const std::string absent = R"(<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict>
<key>$archiver</key><string>NSKeyedArchiver</string>
<key>$top</key><dict><key>A</key><dict><key>CF$UID</key><integer>1</integer></dict></dict>
<key>$objects</key><array>
<string>$null</string>
<dict><key>ServerAddress</key><dict><key>CF$UID</key><integer>0</integer></dict>
<key>ProfileInfo</key><dict><key>CF$UID</key><integer>0</integer></dict></dict>
</array></dict></plist>)";
  CHECK(redactor.file("/Library/Preferences/com.apple.networkextension.plist", absent).find("<string>$null</string>") !=
        std::string::npos);
  // A VPN agent named after its app keeps the name.
  CHECK(redactor.file("/.nwaudit/ifconfig-v.txt", "\tagent domain:NetworkExtension type:VPN desc:\"VPN: LuLu\"\n") ==
        "\tagent domain:NetworkExtension type:VPN desc:\"VPN: LuLu\"\n");
}

TEST_CASE("redactor: the facts document keeps identifiers and versions and loses names and addresses") {
  pugi::xml_document facts;
  REQUIRE(facts.load_string(R"(<facts source="the tree at /Users/alice/Desktop/mac">
  <os version="14.5.1" build="23F79"/>
  <system-extension id="com.objective-see.lulu.extension" team="VBG97UB4TA" version="2.6.3.1" app="/Users/alice/Applications/LuLu.app"/>
  <ne-configuration id="5A1C0B7E-3E0D-4C55-9A57-0B8D2B1E6F10" name="LuLu" application-name="LuLu"/>
  <ne-configuration id="6B2D1C8F-4F1E-4D66-8B68-1C9E3C2F7A21" name="Alice's VPN" application-name="System Settings"/>
  <service id="S1" name="Alice Home VPN" interface="" class="vpn"><proxy kind="http" host="proxy.example.org"/></service>
  <service id="S2" name="Wi-Fi 2" interface="en0"/>
  <interface name="utun3"><agent domain="NetworkExtension" type="VPN" description="VPN: Alice's VPN"/></interface>
  <coverage><source path="/.nwaudit/x" reason="cannot read 192.168.1.9">see alice@example.com</source></coverage>
</facts>)"));
  Redactor redactor;
  redactor.facts(facts);
  std::ostringstream out;
  facts.save(out);
  const std::string text = out.str();
  for (const char* gone : {"alice", "Alice", "proxy.example.org", "192.168.1.9"}) {
    CAPTURE(gone);
    CHECK(text.find(gone) == std::string::npos);
  }
  for (const char* kept : {"14.5.1", "23F79", "2.6.3.1", "com.objective-see.lulu.extension", "VBG97UB4TA",
                           "name=\"LuLu\"", "name=\"Wi-Fi 2\"", "utun3", "5A1C0B7E-3E0D-4C55-9A57-0B8D2B1E6F10"}) {
    CAPTURE(kept);
    CHECK(text.find(kept) != std::string::npos);
  }
  // The VPN's name gets the same pseudonym in its configuration and in its interface's agent.
  const std::string vpn = facts.select_node("//ne-configuration[2]").node().attribute("name").value();
  CHECK(std::string(facts.select_node("//agent").node().attribute("description").value()) == "VPN: " + vpn);
}

TEST_CASE("redactor: a name someone gave is replaced where it stands as a name, not in other text") {
  Redactor redactor;
  const std::string preferences = R"(<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict><key>UserDefinedName</key><string>AnyConnect</string></dict></plist>)";
  CHECK(redactor.file("/Library/Preferences/SystemConfiguration/preferences.plist", preferences).find("AnyConnect") ==
        std::string::npos);
  // In a property list read after, a whole string that is the name is the name.
  const std::string other = R"(<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict><key>Label</key><string>AnyConnect</string></dict></plist>)";
  CHECK(redactor.file("/Library/Preferences/other.plist", other).find("AnyConnect") == std::string::npos);
  // A vendor's product of the same name, in a report, stays.
  CHECK(redactor.text("known as AnyConnect (before macOS 11)") == "known as AnyConnect (before macOS 11)");
}
