#include <doctest/doctest.h>

#include <string>

#include "nwaudit/probe/lsof_listing.h"
#include "test_support.h"

using nwaudit::DescriptorCensus;
using nwaudit::capture::parse_lsof;
using nwaudit::test::fixture;

TEST_CASE("lsof: a user-space listing: one NECP descriptor, one flow-switch channel, no sockets") {
  const auto listing = parse_lsof(fixture("lsof/user-space.txt"));
  CHECK(listing.problems.empty());
  REQUIRE(listing.processes.size() == 1);
  CHECK(listing.processes[0] == "Test75158 84766");
  DescriptorCensus expected;
  expected.npolicy = 1;
  expected.channels = 1;
  expected.flowswitch_channels = 1;
  expected.files = 3;  // stdin, stdout, stderr; cwd and txt rows are not descriptors
  expected.total = 5;
  CHECK(listing.census == expected);
}

TEST_CASE("lsof: a socket-fallback listing: one TCP socket per connection, warnings skipped") {
  const auto listing = parse_lsof(fixture("lsof/sockets.txt"));
  CHECK(listing.problems.empty());
  CHECK(listing.census.tcp == 250);
  CHECK(listing.census.udp == 0);
  CHECK(listing.census.other_sockets == 1);  // the unix socket
  CHECK(listing.census.npolicy == 1);
  CHECK(listing.census.channels == 0);
  CHECK(listing.census.files == 3);
  CHECK(listing.census.other == 1);  // the kqueue
  CHECK(listing.census.total == 256);
}

TEST_CASE("lsof: a mixed listing counts every kind") {
  const auto listing = parse_lsof(fixture("lsof/mixed.txt"));
  CHECK(listing.problems.empty());
  DescriptorCensus expected;
  expected.tcp = 2;
  expected.udp = 1;
  expected.other_sockets = 1;  // systm
  expected.npolicy = 2;
  expected.channels = 1;
  expected.flowswitch_channels = 1;
  expected.files = 2;
  expected.other = 2;  // kqueue, pipe
  expected.total = 11;
  CHECK(listing.census == expected);
}

TEST_CASE("lsof: the listing as quoted in a forum post, with elided columns") {
  // The PID column replaced by an ellipsis, as Apple's forum thread 751581 shows it.
  const std::string quoted =
      "COMMAND    \xE2\x80\xA6 USER   FD      TYPE DEVICE SIZE/OFF     NODE NAME\n"
      "Test751581 \xE2\x80\xA6 quinn  cwd       DIR   1,15      192 27676134 /Users/quinn/\xE2\x80\xA6\n"
      "Test751581 \xE2\x80\xA6 quinn    3   NPOLICY                          \n"
      "Test751581 \xE2\x80\xA6 quinn    4      CHAN flowsw                   E2F7D96B-046F-\xE2\x80\xA6\n";
  const auto listing = parse_lsof(quoted);
  CHECK(listing.problems.empty());
  CHECK(listing.census.npolicy == 1);
  CHECK(listing.census.flowswitch_channels == 1);
  CHECK(listing.census.total == 2);
}

TEST_CASE("lsof: rows without a header, CRLF endings, and a channel that is not a flow switch") {
  const std::string rows =
      "App 7 me 5u IPv6 0x1 0t0 UDP *:5353\r\n"
      "App 7 me 6 CHAN netif 0A7C3E19-5B2D-4F60-8C4A-71D9E2B3F05C\r\n"
      "App 7 me 7u IPv4 0x2 0t0 ICMP *:*\r\n";
  const auto listing = parse_lsof(rows);
  CHECK(listing.problems.empty());
  CHECK(listing.census.udp == 1);
  CHECK(listing.census.channels == 1);
  CHECK(listing.census.flowswitch_channels == 0);
  CHECK(listing.census.other_sockets == 1);
  CHECK(listing.census.total == 3);
}

TEST_CASE("lsof: lines that are not rows are problems with their line numbers; the rest still counts") {
  const std::string text =
      "COMMAND PID USER FD TYPE DEVICE SIZE/OFF NODE NAME\n"
      "App 7 me\n"
      "App 7 me 3u IPv4 0x1 0t0 TCP a:1->b:2 (ESTABLISHED)\n";
  const auto listing = parse_lsof(text);
  REQUIRE(listing.problems.size() == 1);
  CHECK(listing.problems[0].line == 2);
  CHECK(listing.census.tcp == 1);
}

TEST_CASE("lsof: several processes are counted together and named") {
  const std::string text =
      "A 1 me 3u IPv4 0x1 0t0 TCP a:1->b:2\n"
      "B 2 me 3u IPv4 0x1 0t0 TCP a:1->b:2\n";
  const auto listing = parse_lsof(text);
  CHECK(listing.processes.size() == 2);
  CHECK(listing.census.tcp == 2);
}

TEST_CASE("lsof: every prefix of a listing parses without crashing") {
  const std::string text = fixture("lsof/mixed.txt");
  for (std::size_t length = 0; length <= text.size(); ++length) {
    const auto listing = parse_lsof(std::string_view(text).substr(0, length));
    CHECK(listing.census.total <= 11);
  }
}
