#include "facts_support.h"

using nwaudit::test::FixtureFacts;

TEST_CASE("interfaces: flowswitch agents, bridge members, tunnels and a kext's legacy interface") {
  FixtureFacts mac("ventura-vpn");
  CHECK(mac.count("/facts/interface[@name='en0'][@flowswitch='true'][@flowswitch-agent='true'][@nexus-provider='true']"
                  "[@native='true']") == 1);
  CHECK(mac.count("/facts/interface[@name='en1'][@bridge='bridge0'][@flowswitch-agent='false']") == 1);
  CHECK(mac.count("/facts/interface[@name='bridge0']/member") == 2);
  CHECK(mac.count("/facts/interface[@family='utun'][@flowswitch-agent='false']") >= 1);
  CHECK(mac.count("/facts/interface[@name='utun3']/agent[@domain='NetworkExtension'][@type='VPN']") == 1);
  CHECK(mac.count("/facts/interface[@name='tap0'][@allocated-by-kpi='true'][@legacy='true'][@txstart='false']") == 1);
}

TEST_CASE("interfaces: the route to the default destination, when captured") {
  nwaudit::test::TempDir tree;
  tree.write(".nwaudit/ifconfig-v.txt",
             "en0: flags=8863<UP,BROADCAST,SMART,RUNNING,SIMPLEX,MULTICAST> mtu 1500 index 11\n"
             "\teflags=412000c0<ACCEPT_RTADV,TXSTART,NOACKPRI,ECN_ENABLE>\n"
             "\tflowswitch: 0B6E4D28-7F13-4A9C-B250-C1E83D5A76F9\n"
             "\tagent domain:Skywalk type:FlowSwitch flags:0x4483 desc:\"Userspace Networking\"\n"
             "   route to: default\ndestination: default\n       mask: default\n    gateway: 192.168.1.1\n"
             "  interface: en0\n");
  FixtureFacts mac(tree.path());
  CHECK(mac.count("/facts/interface[@name='en0'][@default-route='true'][@nexus-provider='true']") == 1);
}

TEST_CASE("interfaces: a capture with no interface in it is broken") {
  FixtureFacts mac("broken");
  CHECK(mac.count("/facts/interface") == 0);
  CHECK(mac.count("/facts/coverage/source[@path='/.nwaudit/ifconfig-v.txt'][@status='broken']") == 1);
}
