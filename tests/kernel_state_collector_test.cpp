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
