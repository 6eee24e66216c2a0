#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>

#include "facts_support.h"

using nwaudit::test::FixtureFacts;

TEST_CASE("kernel state: filters, the netagent switch, flow counts and boot arguments") {
  FixtureFacts mac("monterey-kexts");
  CHECK(mac.count("/facts/kernel[@netagent='false'][@socket-flows='212'][@nexus-flows='0']") == 1);
  CHECK(mac.count("/facts/kernel/filter") == 2);
  CHECK(mac.count("/facts/kernel/filter[@name='pf']") == 1);
  CHECK(mac.count("/facts/kernel/boot-arg[@name='-no_compat_check'][not(@value)]") == 1);
  CHECK(mac.count("/facts/kernel/boot-arg[@name='if_attach_nx'][@value='0x2b'][@transport-netagent='false']") == 1);
}

TEST_CASE("kernel state: an empty filter state is captured, not missing") {
  FixtureFacts mac("ventura-vpn");
  CHECK(mac.count("/facts/kernel[@filter-state='']") == 1);
  CHECK(mac.count("/facts/kernel/filter") == 0);
  CHECK(mac.value("string(/facts/kernel/@netagent)") == "true");
}

TEST_CASE("kernel state: older 'name = value' lines, unknown sysctls and garbage") {
  nwaudit::test::TempDir tree;
  tree.write(".nwaudit/sysctl.txt", "kern.osproductversion = 11.7.10\r\nhw.machine = x86_64\r\n"
                                    "sysctl: unknown oid 'net.filter_state'\r\n");
  FixtureFacts mac(tree.path());
  CHECK(mac.count("/facts/kernel[not(@filter-state)]/unavailable[@name='net.filter_state']") == 1);
  // No SystemVersion.plist: the kernel's own version stands in.
  CHECK(mac.count("/facts/os[@version='11.7.10'][@major='11'][@architecture='x86_64'][@source='/.nwaudit/sysctl.txt']") == 1);

  FixtureFacts broken("broken");
  CHECK(broken.count("/facts/coverage/source[@path='/.nwaudit/sysctl.txt']/problem[@line='2']") == 1);
  CHECK(broken.count("/facts/kernel/unavailable[@name='net.link.generic.system.enable_netagent']") == 1);
}

TEST_CASE("kernel state: no capture, no element, and coverage says so") {
  nwaudit::test::TempDir tree;
  FixtureFacts mac(tree.path());
  CHECK(mac.count("/facts/kernel") == 0);
  CHECK(mac.count("/facts/coverage/source[@path='/.nwaudit/sysctl.txt'][@status='missing']") == 1);
}

namespace {

// net.api_stats as `sysctl -b` writes it: `count` little-endian int64 fields, all 0 but `set`.
std::string api_stats_bytes(std::size_t count, std::initializer_list<std::pair<std::size_t, std::uint8_t>> set) {
  std::string bytes(count * 8, '\0');
  for (const auto& [field, value] : set) bytes[field * 8] = static_cast<char>(value);
  return bytes;
}

}  // namespace

TEST_CASE("kernel state: net.api_stats shows third-party filters and a kext's interface") {
  FixtureFacts mac("monterey-live");
  CHECK(mac.count("/facts/kernel/api-stats[@layout='416'][@source='/.nwaudit/net.api_stats']") == 1);
  CHECK(mac.count("/facts/kernel/api-stats[@socket-filters='5'][@socket-filters-os='4'][@third-party-socket-filters='1']") == 1);
  CHECK(mac.count("/facts/kernel/api-stats[@ip-filters='1'][@ip-filters-os='0'][@third-party-ip-filters='1']") == 1);
  CHECK(mac.count("/facts/kernel/api-stats[@interface-filters='2'][@interface-filters-os='1']"
                  "[@third-party-interface-filters='1']") == 1);
  CHECK(mac.count("/facts/kernel/api-stats[@kext-interfaces='1'][@socket-flows-total='48213'][@nexus-flows-total='0']") == 1);
  CHECK(mac.count("/facts/kernel/api-stats[@pf-rules-total='31'][@pf-rules-os='27'][@vmnet-total='0']") == 1);
  CHECK(mac.count("/facts/kernel[@source='/.nwaudit/sysctl.txt'][@netagent='false']") == 1);
  CHECK(mac.count("/facts/coverage/source[@path='/.nwaudit/net.api_stats'][@collector='kernel'][@status='read']") == 1);
}

TEST_CASE("kernel state: Apple's own filters only, and the four nexus-flow totals summed") {
  FixtureFacts mac("sequoia-live");
  CHECK(mac.count("/facts/kernel/api-stats[@socket-filters='4'][@socket-filters-os='4'][@third-party-socket-filters='0']") == 1);
  CHECK(mac.count("/facts/kernel/api-stats[@third-party-ip-filters='0'][@third-party-interface-filters='0']") == 1);
  CHECK(mac.count("/facts/kernel/api-stats[@kext-interfaces='0'][@socket-flows-total='2318'][@nexus-flows-total='7500']") == 1);
}

TEST_CASE("kernel state: the 392-byte counters before macOS 12 have no OS counts to compare") {
  FixtureFacts mac("bigsur");
  pugi::xml_node stats = mac.node("/facts/kernel/api-stats");
  REQUIRE(stats);
  CHECK(std::string(stats.attribute("layout").value()) == "392");
  CHECK(std::string(stats.attribute("socket-filters").value()) == "4");
  CHECK(std::string(stats.attribute("kext-interfaces").value()) == "0");
  for (const char* absent : {"socket-filters-os", "third-party-socket-filters", "ip-filters-os", "third-party-ip-filters",
                             "interface-filters-os", "third-party-interface-filters"}) {
    CAPTURE(absent);
    CHECK_FALSE(stats.attribute(absent));
  }
}

TEST_CASE("kernel state: net.api_stats of another size is broken, and the sysctl values stay") {
  FixtureFacts mac("broken");
  CHECK(mac.count("/facts/coverage/source[@path='/.nwaudit/net.api_stats'][@status='broken'][@problem='malformed']"
                  "[starts-with(@reason, '400 bytes')]") == 1);
  CHECK(mac.count("/facts/kernel[@filter-state='socket']") == 1);
  CHECK(mac.count("/facts/kernel/api-stats") == 0);
}

TEST_CASE("kernel state: net.api_stats without sysctl.txt still makes a <kernel> element") {
  nwaudit::test::TempDir tree;
  tree.write(".nwaudit/net.api_stats", api_stats_bytes(52, {{8, 6}, {9, 4}}));
  FixtureFacts mac(tree.path());
  CHECK(mac.count("/facts/kernel[@source='/.nwaudit/net.api_stats'][not(@filter-state)]") == 1);
  CHECK(mac.count("/facts/kernel/api-stats[@third-party-socket-filters='2']") == 1);
  CHECK(mac.count("/facts/coverage/source[@path='/.nwaudit/sysctl.txt'][@status='missing']") == 1);

  nwaudit::test::TempDir empty;
  FixtureFacts nothing(empty.path());
  CHECK(nothing.count("/facts/coverage/source[@path='/.nwaudit/net.api_stats'][@status='missing']") == 1);
}
