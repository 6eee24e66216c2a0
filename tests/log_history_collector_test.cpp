#include <string>

#include "facts_support.h"
#include "nwaudit/base/limits.h"

using nwaudit::test::FixtureFacts;

namespace {

constexpr const char* kCapture = ".nwaudit/log-network.txt";

std::string filter_change(int second, const char* state) {
  return "2026-11-28 09:14:" + std::string(second < 10 ? "0" : "") + std::to_string(second) +
         ".5+0100  Annas-MacBook-Pro kernel[0]: net_filter_event: new state (" + state + ")\n";
}

std::string socket_failure(const std::string& process, int pid) {
  return "2026-11-30 10:21:37.0+0100  Annas-MacBook-Pro " + process + "[" + std::to_string(pid) +
         "]: (Network) nw_socket_initialize_socket <private> Failed to create socket(2,1) [24: Too many open files]\n";
}

}  // namespace

TEST_CASE("log history: sonoma-log-history's filter changes and its app out of descriptors") {
  FixtureFacts mac("sonoma-log-history");
  CHECK(mac.count("/facts/log-history[@filter-changes='3'][@descriptor-failures='2'][@dropped='0']"
                  "[@source='/.nwaudit/log-network.txt']") == 1);
  CHECK(mac.count("/facts/log-history/filter-change") == 3);
  CHECK(mac.count("/facts/log-history/filter-change[1][@number='1'][@time='2026-11-28 09:14:03.512345+0100']"
                  "[@state='0x2'][@filters='socket']") == 1);
  CHECK(mac.count("/facts/log-history/filter-change[2][@state='0x12'][@filters='socket application-firewall']") == 1);
  CHECK(mac.count("/facts/log-history/filter-change[last()][@number='3'][@filters='socket']") == 1);
  CHECK(mac.count("/facts/log-history/descriptor-exhaustion[@process='Feed Reader'][@pid='4242'][@failures='2']"
                  "[@first='2026-11-30 10:21:37.004512+0100'][@last='2026-11-30 10:21:39.118902+0100']") == 1);
  CHECK(mac.count("/facts/coverage/source[@collector='log-history'][@status='read']/problem") == 0);
}

TEST_CASE("log history: nothing without the capture, which does not lower confidence") {
  FixtureFacts mac("sonoma");
  CHECK(mac.count("/facts/log-history") == 0);
  CHECK(mac.count("/facts/coverage/source[@collector='log-history'][@path='/.nwaudit/log-network.txt']"
                  "[@status='missing']") == 1);
}

TEST_CASE("log history: a sysdiagnose's log archive is a blind spot") {
  nwaudit::test::TempDir tree;
  tree.write("system_logs.logarchive/Persist/0000000000000001.tracev3", "not read");
  FixtureFacts mac(tree.path());
  CHECK(mac.count("/facts/log-history") == 0);
  CHECK(mac.count("/facts/coverage/source[@collector='log-history'][@path='/system_logs.logarchive']"
                  "[@status='broken'][@problem='wrong-type'][contains(@reason, 'log show --archive')]") == 1);
  CHECK(mac.count("/facts/coverage/source[@path='/.nwaudit/log-network.txt']") == 0);

  tree.write(kCapture, filter_change(1, "0x2"));  // made from the archive on a Mac: read
  FixtureFacts made(tree.path());
  CHECK(made.count("/facts/log-history[@filter-changes='1']") == 1);
  CHECK(made.count("/facts/coverage/source[@path='/system_logs.logarchive']") == 0);
}

TEST_CASE("log history: the state's bits named, none when cleared; host names are not kept") {
  nwaudit::test::TempDir tree;
  tree.write(kCapture, filter_change(1, "0x40") + filter_change(2, "0x0") + filter_change(3, "0x109") +
                           socket_failure("Mail Sync", 12) + socket_failure("curl", 13) + socket_failure("Mail Sync", 14));
  FixtureFacts mac(tree.path());
  CHECK(mac.count("/facts/log-history/filter-change[@number='1'][@state='0x40'][@filters='pf-private-proxy']") == 1);
  CHECK(mac.count("/facts/log-history/filter-change[@number='2'][@state='0x0'][@filters='none']") == 1);
  CHECK(mac.count("/facts/log-history/filter-change[@number='3'][@state='0x109'][@filters='pf ip 0x100']") == 1);
  // one element per app, in the order they last failed; the pid of the last failure
  CHECK(mac.count("/facts/log-history[@descriptor-failures='3']/descriptor-exhaustion") == 2);
  CHECK(mac.count("/facts/log-history/descriptor-exhaustion[1][@process='curl'][@pid='13'][@failures='1']") == 1);
  CHECK(mac.count("/facts/log-history/descriptor-exhaustion[2][@process='Mail Sync'][@pid='14'][@failures='2']") == 1);
  CHECK(mac.facts().to_xml().find("Annas-MacBook-Pro") == std::string::npos);
}

TEST_CASE("log history: past the limit, the most recent are listed and the others counted") {
  nwaudit::test::TempDir tree;
  const std::size_t extra = 5;
  std::string capture;
  for (std::size_t i = 0; i < nwaudit::limits::kMaxLogEvents + extra; ++i) {
    capture += filter_change(static_cast<int>(i % 60), "0x2");
    capture += socket_failure("app" + std::to_string(i), static_cast<int>(i));
  }
  tree.write(kCapture, capture);
  FixtureFacts mac(tree.path());
  const std::string total = std::to_string(nwaudit::limits::kMaxLogEvents + extra);
  CHECK(mac.value("string(/facts/log-history/@filter-changes)") == total);
  CHECK(mac.value("string(/facts/log-history/@dropped)") == std::to_string(2 * extra));
  CHECK(mac.count("/facts/log-history/filter-change") == nwaudit::limits::kMaxLogEvents);
  CHECK(mac.value("string(/facts/log-history/filter-change[1]/@number)") == std::to_string(extra + 1));
  CHECK(mac.value("string(/facts/log-history/filter-change[last()]/@number)") == total);
  CHECK(mac.count("/facts/log-history/descriptor-exhaustion") == nwaudit::limits::kMaxLogEvents);
  CHECK(mac.value("string(/facts/log-history/descriptor-exhaustion[1]/@process)") == "app" + std::to_string(extra));
}

TEST_CASE("log history: an empty capture says the log showed nothing, and is noted") {
  nwaudit::test::TempDir tree;
  tree.write(kCapture, "Timestamp                       (process)[PID]\n");
  FixtureFacts mac(tree.path());
  CHECK(mac.count("/facts/log-history[@filter-changes='0'][@descriptor-failures='0'][@dropped='0']") == 1);
  CHECK(mac.count("/facts/log-history/*") == 0);

  tree.write(kCapture, "");
  FixtureFacts empty(tree.path());
  CHECK(empty.count("/facts/coverage/source[@collector='log-history']/problem[contains(@reason, 'empty')]") == 1);
}
