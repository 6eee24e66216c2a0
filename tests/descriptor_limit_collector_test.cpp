#include "facts_support.h"
#include "nwaudit/capture/launchctl_limit_capture.h"

using nwaudit::test::FixtureFacts;

TEST_CASE("descriptor limit: launchd's maxfiles, as the fixture Mac captured it") {
  FixtureFacts mac("sonoma-firewall-pending");
  CHECK(mac.count("/facts/descriptor-limit[@soft='256'][@hard='unlimited'][@source='/.nwaudit/launchctl-limit.txt']") == 1);
}

TEST_CASE("descriptor limit: launchctl limit output, alone or among the other limits") {
  using nwaudit::capture::parse_launchctl_limit;
  // as printed on macOS 10.14 and 10.5, and pasted with the command above it
  const auto raised = parse_launchctl_limit("host:~ user$ launchctl limit maxfiles\n    maxfiles    10000          10240\n");
  CHECK(raised.soft == "10000");
  CHECK(raised.hard == "10240");
  CHECK(raised.problems.empty());
  const auto all = parse_launchctl_limit(
      "\tcpu         unlimited      unlimited      \n\tstack       8388608        67104768       \n"
      "\tmaxproc     266            532            \n\tmaxfiles    256            unlimited      \n");
  CHECK(all.soft == "256");
  CHECK(all.hard == "unlimited");
  CHECK(all.problems.empty());
  // not its output: each line is a problem, and there is no limit
  const auto other = parse_launchctl_limit("Could not find service\nmaxfiles lots unlimited\n");
  CHECK_FALSE(other.soft);
  REQUIRE(other.problems.size() == 2);
  CHECK(other.problems[1].line == 2);
}

TEST_CASE("descriptor limit: without the capture there is no element, and no blind spot") {
  FixtureFacts mac("sonoma");
  CHECK(mac.count("/facts/descriptor-limit") == 0);
  CHECK(mac.count("/facts/coverage/source[@path='/.nwaudit/launchctl-limit.txt'][@status='missing']") == 1);
}
