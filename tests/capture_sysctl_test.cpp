#include <doctest/doctest.h>

#include <string>

#include "nwaudit/capture/sysctl_capture.h"

using namespace nwaudit::capture;

namespace {

const std::string kSysctlCapture =
    "kern.osproductversion: 14.4.1\n"
    "kern.bootargs: -v keepsyms=1 debug=0x144 agdpmod=pikera\n"
    "net.filter_state: \n"
    "net.link.generic.system.enable_netagent: 1\n"
    "kern.boottime: { sec = 1712000000, usec = 1234 } Mon Apr  1 21:33:20 2024\n"
    "kern.maxfilesperproc: 61440\n"
    "sysctl: unknown oid 'net.inet.ip.fw.enable'\n";

}  // namespace

TEST_CASE("capture: sysctl name: value lines, values kept verbatim") {
  const auto parsed = parse_sysctl(kSysctlCapture);
  CHECK(parsed.problems.empty());
  REQUIRE(parsed.values.size() == 6);
  CHECK(parsed.values[0].first == "kern.osproductversion");
  CHECK(parsed.value("kern.bootargs") == "-v keepsyms=1 debug=0x144 agdpmod=pikera");
  CHECK(parsed.value("net.filter_state") == "");
  CHECK(parsed.value("kern.boottime") == "{ sec = 1712000000, usec = 1234 } Mon Apr  1 21:33:20 2024");
  CHECK(parsed.integer("net.link.generic.system.enable_netagent") == 1);
  CHECK(parsed.integer("kern.maxfilesperproc") == 61440);
  CHECK_FALSE(parsed.integer("kern.osproductversion"));
  CHECK_FALSE(parsed.integer("net.filter_state"));
  CHECK_FALSE(parsed.value("kern.hostname"));
  CHECK_FALSE(parsed.integer("kern.hostname"));
  CHECK(parsed.unknown == std::vector<std::string>{"net.inet.ip.fw.enable"});
}

TEST_CASE("capture: sysctl name = value lines of older releases, with tabs") {
  const auto parsed = parse_sysctl(
      "kern.ostype = Darwin\n"
      "kern.bootargs = -v  -x\n"
      "net.inet.tcp.mssdflt=512\n"
      "kern.maxproc\t=\t-1\n");
  CHECK(parsed.problems.empty());
  CHECK(parsed.value("kern.ostype") == "Darwin");
  CHECK(parsed.value("kern.bootargs") == "-v  -x");
  CHECK(parsed.integer("net.inet.tcp.mssdflt") == 512);
  CHECK(parsed.integer("kern.maxproc") == -1);
}

TEST_CASE("capture: sysctl capture with CRLF, a pasted prompt and the command echoed") {
  const auto parsed = parse_sysctl(
      "user@mac ~ % sysctl kern.bootargs net.filter_state\r\n"
      "mac:~ user$ sysctl kern.bootargs\r\n"
      "sudo sysctl -a\r\n"
      "kern.bootargs: keepsyms=1\r\n"
      "sysctl: unknown oid 'net.filter_state'\r\n");
  CHECK(parsed.problems.empty());
  CHECK(parsed.value("kern.bootargs") == "keepsyms=1");
  CHECK(parsed.unknown == std::vector<std::string>{"net.filter_state"});
}

TEST_CASE("capture: the last sysctl line naming a value wins") {
  const auto parsed = parse_sysctl("kern.bootargs: -v\nkern.bootargs: \n");
  CHECK(parsed.values.size() == 2);
  CHECK(parsed.value("kern.bootargs") == "");
}

TEST_CASE("capture: lines that are not sysctl values become problems") {
  const auto parsed = parse_sysctl(
      "61440\n"                              // sysctl -n output has no names
      "kern.maxfiles 12288\n"                // no separator
      "bootargs: -v\n"                       // not a dotted name
      "sysctl: unknown oid 'net.filter_st\n"  // cut before the closing quote
      "kern.maxfiles: 12288\n"
      "kern..x: 1\n");
  REQUIRE(parsed.problems.size() == 5);
  CHECK(parsed.problems[0].line == 1);
  CHECK(parsed.problems[3].line == 4);
  CHECK(parsed.problems[4].line == 6);
  CHECK(parsed.unknown.empty());
  CHECK(parsed.integer("kern.maxfiles") == 12288);
}

TEST_CASE("capture: empty sysctl captures") {
  const auto parsed = parse_sysctl("");
  CHECK(parsed.values.empty());
  CHECK(parsed.unknown.empty());
  CHECK(parsed.problems.empty());
  CHECK_FALSE(parsed.value("kern.bootargs"));
}

TEST_CASE("capture: every prefix of a sysctl capture parses") {
  const auto whole = parse_sysctl(kSysctlCapture);
  for (std::size_t length = 0; length <= kSysctlCapture.size(); ++length) {
    const auto parsed = parse_sysctl(std::string_view(kSysctlCapture).substr(0, length));
    CHECK(parsed.values.size() <= whole.values.size());
    for (const auto& [name, value] : parsed.values) CHECK_FALSE(name.empty());
  }
}
