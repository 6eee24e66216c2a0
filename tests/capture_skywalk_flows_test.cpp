#include <doctest/doctest.h>

#include <string>

#include "nwaudit/capture/skywalk_flows_capture.h"

using namespace nwaudit::capture;

TEST_CASE("capture: skywalkctl flow without -n, as a public macOS 26 capture shows it") {
  // The columns of github.com/stefb69/RTL812xLucy docs/ndk-native-flows-issue.md (addresses made up).
  const std::string text =
      "Proto Local                       Remote                     InBytes OutBytes InPkts OutPkts SvC State                     Process\n"
      "tcp6  [2001:db8::5].60483         2620:149:981:603::10.http  0       490      0/0    7/0     BE  SYN_SENT  CLOSED          nscurl.11868\n"
      "tcp4  192.0.2.172.64569           17.188.185.134.5223        0       150      0/0    3/0     RD  SYN_SENT  CLOSED          apsd.140\n"
      "tcp6  [2001:db8::5].50396         2600:1901:0:9e23::.https   15232   0        119/117 0/0    BE  (kernel flow)             kernel_task.0(claude.1867)\n";
  const SkywalkFlows flows = parse_skywalk_flows(text);
  CHECK(flows.table_found);
  CHECK(flows.problems.empty());
  REQUIRE(flows.flows.size() == 3);
  CHECK(flows.flows[0].protocol == "tcp6");
  CHECK(flows.flows[0].process == "nscurl");
  CHECK(flows.flows[0].pid == 11868);
  CHECK_FALSE(flows.flows[0].kernel);
  CHECK(flows.flows[0].interface.empty());  // this table has no NetIf column
  CHECK(flows.flows[2].kernel);
  CHECK(flows.flows[2].process == "kernel_task");
  CHECK(flows.flows[2].on_behalf_of == "claude");
  CHECK(flows.flows[2].line == 4);
}

TEST_CASE("capture: skywalkctl flow -n inside a sysdiagnose's skywalk.txt, a name with spaces read whole") {
  const std::string header =
      "Proto Local Address      Remote Address     InBytes OutBytes InPkts/InSPkts OutPkts/OutSPkts SvC NetIf Port Adv "
      "Flags             Process.PID\n";
  const std::size_t column = header.find("Process");
  const auto row = [&](std::string columns, const std::string& owner) {
    columns.resize(column, ' ');
    return columns + owner + "\n";
  };
  const std::string text =
      "#\n# skywalkctl show\n#\nflowswitch 8D7F3E1A-2B4C-4D5E-9F60-718293A4B5C6 com.apple.flowswitch.en0\n"
      "#\n# skywalkctl flow -n\n#\n" + header +
      row("tcp4 192.0.2.10.53000    198.51.100.20.443  58100   0        193/165        0/0              BE  en0   1    -   -c-q------------_", "Google Chrome He.1733") +
      row("udp6 2001:db8::1.5353    2001:db8::2.5353   10      10       1/0            1/0              BE  utun3 2    -   -c--------------_", "mDNSResponder.301") +
      "#\n# skywalkctl flow-route -n\n#\nProto Destination Gateway\n";
  const SkywalkFlows flows = parse_skywalk_flows(text);
  CHECK(flows.problems.empty());
  REQUIRE(flows.flows.size() == 2);
  CHECK(flows.flows[0].process == "Google Chrome He");
  CHECK(flows.flows[0].pid == 1733);
  CHECK(flows.flows[0].interface == "en0");
  CHECK(flows.flows[1].interface == "utun3");
  CHECK(flows.flows[1].protocol == "udp6");
}

TEST_CASE("capture: skywalkctl flow, an empty table is an answer and a missing one is not") {
  const SkywalkFlows empty = parse_skywalk_flows(
      "Proto Local Address Remote Address InBytes OutBytes InPkts/InSPkts OutPkts/OutSPkts SvC NetIf Port Adv Flags "
      "Local State Remote State Local RTT Remote RTT Process.PID\n");
  CHECK(empty.table_found);
  CHECK(empty.flows.empty());
  const SkywalkFlows none = parse_skywalk_flows("skywalkctl: sysctlbyname: Operation not permitted\n");
  CHECK_FALSE(none.table_found);
  CHECK(none.flows.empty());
}

TEST_CASE("capture: skywalkctl flow rows without an owner are problems, the rest is read") {
  const std::string text =
      "Proto Local Remote InBytes OutBytes InPkts OutPkts SvC State Process\n"
      "tcp4 192.0.2.1.5 192.0.2.2.443 0 0 0/0 0/0 BE CLOSED apsd\n"
      "tcp4 192.0.2.1.6 192.0.2.2.443 0 0 0/0 0/0 BE CLOSED kernel_task.0(Safari.411\n"
      "tcp4 192.0.2.1.7 192.0.2.2.443 0 0 0/0 0/0 BE CLOSED apsd.-4\n"
      "tcp4 192.0.2.1.8 192.0.2.2.443 0 0 0/0 0/0 BE CLOSED nsurlsessiond.512\n"
      "tcp4 \xff\xfe x y z\n";
  const SkywalkFlows flows = parse_skywalk_flows(text);
  REQUIRE(flows.flows.size() == 1);
  CHECK(flows.flows[0].process == "nsurlsessiond");
  REQUIRE(flows.problems.size() == 4);
  CHECK(flows.problems[0].line == 2);
  CHECK(flows.problems[0].reason.find("NAME.PID") != std::string::npos);
}
