// iCloud Private Relay: its state read from the users' preferences and a Restrictions profile,
// the facts a measurement takes from the audit, a probe of a target the relay may carry, and
// the redaction that keeps only the relay's status of those preferences.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "audit/blind_spots.h"
#include "facts_support.h"
#include "nwaudit/audit/measurement_context.h"
#include "nwaudit/facts/private_relay_status.h"
#include "nwaudit/plist/parse.h"
#include "nwaudit/plist/write_xml.h"
#include "nwaudit/probe/private_relay.h"
#include "nwaudit/probe/probe.h"
#include "nwaudit/redact/redactor.h"
#include "plist/base64.h"

using namespace nwaudit;
using nwaudit::test::FixtureFacts;

namespace {

constexpr const char* kRelayUser = "Users/relayuser/Library/Preferences/com.apple.networkserviceproxy.plist";
constexpr const char* kOtherUser = "Users/otheruser/Library/Preferences/com.apple.networkserviceproxy.plist";

std::string fixture_file(const std::string& relative) {
  std::ifstream file(test::fixture_path("macs/sonoma-private-relay/" + relative), std::ios::binary);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

// A user's preferences whose status object says `status`, written as XML plists.
std::string preferences_with_status(std::int64_t status) {
  const plist::Value archive(plist::Dictionary{
      {"$archiver", "NSKeyedArchiver"},
      {"$version", 100000},
      {"$top", plist::Dictionary{{"ServiceStatus", plist::Uid{1}}}},
      {"$objects", plist::Array{"$null", plist::Dictionary{{"PrivacyProxyServiceStatus", status}}}},
  });
  const std::string inner = plist::write_xml(archive);
  return "<plist><dict><key>NSPServiceStatusManagerInfo</key><data>" +
         plist::encode_base64(plist::Data(inner.begin(), inner.end())) + "</data></dict></plist>";
}

// The probe's fakes: one census before and one after, and connections that all become ready.
class TwoCensuses : public CensusReader {
 public:
  TwoCensuses(DescriptorCensus before, DescriptorCensus after) : before_(before), after_(after) {}
  Expected<DescriptorCensus> take(int) const override { return taken_++ == 0 ? before_ : after_; }
  Expected<DescriptorLimits> limits(int) const override { return DescriptorLimits{256, std::nullopt}; }

 private:
  DescriptorCensus before_, after_;
  mutable int taken_ = 0;
};

class ReadyOpener : public ConnectionOpener {
 public:
  Expected<ConnectionOutcome> open(const std::optional<ProbeEndpoint>&, std::size_t count,
                                   std::chrono::milliseconds) override {
    return ConnectionOutcome{count, count, 0, 0, {}};
  }
  void close_all() override {}
};

// What a probe of `target` shows when the process gains one flow-switch channel and no socket:
// what the relay's single QUIC flow looks like.
Measurement probe_through(const ProbeEndpoint& target, PrivateRelayState relay) {
  DescriptorCensus before;
  DescriptorCensus after;
  after.channels = after.flowswitch_channels = after.total = 1;
  TwoCensuses census(before, after);
  ReadyOpener opener;
  ProbeOptions options;
  options.target = target;
  options.private_relay = relay;
  return run_probe(opener, census, 1, options);
}

}  // namespace

TEST_CASE("private relay: on for one of two users in the fixture, which a profile allows") {
  FixtureFacts mac("sonoma-private-relay");
  CHECK(mac.count("/facts/private-relay[@state='on'][@accounts-read='2'][@accounts-on='1']"
                  "[@allowed-by-profile='true']") == 1);
  CHECK(mac.value("string(/facts/private-relay/@source)") ==
        "/Users/*/Library/Preferences/com.apple.networkserviceproxy.plist");
  CHECK(mac.count("/facts/coverage/source[@collector='private-relay'][@status='read']") == 3);
  // No user's name in the element itself (coverage names the files read, as for every source).
  CHECK(mac.value("string(/facts/private-relay/@reason)").find("relayuser") == std::string::npos);
}

TEST_CASE("private relay: unknown, and said so in coverage, where the users cannot be read") {
  FixtureFacts sonoma("sonoma");  // no /Users in the tree
  CHECK(sonoma.count("/facts/private-relay[@state='unknown']") == 1);
  CHECK(sonoma.value("string(/facts/private-relay/@reason)") == "the users' folders could not be listed");
  CHECK(sonoma.count("/facts/coverage/source[@collector='private-relay'][@path='/Users'][@status='missing']") == 1);
}

TEST_CASE("private relay: a profile that forbids it decides, whatever the users' preferences say") {
  test::TempDir tree;
  tree.write(kRelayUser, fixture_file(kRelayUser));
  tree.write("Library/Managed Preferences/com.apple.applicationaccess.plist",
             "<plist><dict><key>allowCloudPrivateRelay</key><false/></dict></plist>");
  FixtureFacts mac(tree.path());
  CHECK(mac.count("/facts/private-relay[@state='off'][@allowed-by-profile='false'][@accounts-on='1']"
                  "[@source='/Library/Managed Preferences/com.apple.applicationaccess.plist']") == 1);
}

TEST_CASE("private relay: off only when every user's status read says off") {
  test::TempDir tree;
  tree.write(kOtherUser, fixture_file(kOtherUser));
  tree.write("Users/newuser/Desktop/.keep", "");  // never ran the relay's agent: missing, not counted
  FixtureFacts off(tree.path());
  CHECK(off.count("/facts/private-relay[@state='off'][@accounts-read='1'][@accounts-on='0']") == 1);
  CHECK(off.count("/facts/private-relay[@allowed-by-profile]") == 0);
  CHECK(off.count("/facts/coverage/source[@collector='private-relay'][@status='missing']"
                  "[@path='/Users/newuser/Library/Preferences/com.apple.networkserviceproxy.plist']") == 1);

  tree.write("Users/third/Library/Preferences/com.apple.networkserviceproxy.plist", "<plist><dict>");
  FixtureFacts broken(tree.path());
  CHECK(broken.count("/facts/private-relay[@state='unknown'][@accounts-read='1']") == 1);
  CHECK(broken.value("string(/facts/private-relay/@reason)") == "the status of 1 users could not be read");
  CHECK(broken.count("/facts/coverage/source[@collector='private-relay'][@status='broken']") == 1);
}

TEST_CASE("private relay: a status nwaudit does not know, or none, is a problem and leaves it unknown") {
  test::TempDir tree;
  tree.write(kOtherUser, preferences_with_status(5));
  FixtureFacts odd(tree.path());
  CHECK(odd.count("/facts/private-relay[@state='unknown'][@accounts-read='0']") == 1);
  CHECK(odd.value("string(/facts/coverage/source[@collector='private-relay'][@status='read']/problem/@reason)") ==
        "PrivacyProxyServiceStatus is 5, a value nwaudit does not know");

  tree.write(kOtherUser, "<plist><dict><key>NSPServiceStatusManagerInfo</key><string>x</string></dict></plist>");
  FixtureFacts wrong(tree.path());
  CHECK(wrong.count("/facts/private-relay[@state='unknown']") == 1);
  CHECK(wrong.value("string(/facts/coverage/source[@collector='private-relay']/problem/@reason)")
            .find("a string where data belongs") != std::string::npos);

  tree.write(kOtherUser, preferences_with_status(1));
  CHECK(FixtureFacts(tree.path()).count("/facts/private-relay[@state='on']") == 1);
}

TEST_CASE("private relay: what its sources could not read hides no cause of the verdict") {
  const std::vector<CoverageEntry> coverage = {
      {"private-relay", "/Users/a/Library/Preferences/com.apple.networkserviceproxy.plist", "broken", "malformed"},
      {"firewall", "/Library/Preferences/com.apple.alf.plist", "broken", "malformed"}};
  const BlindSpots blind = blind_spots_in(coverage);
  CHECK(blind.collectors == std::set<std::string>{"firewall"});
  CHECK(blind.described.size() == 1);
}

TEST_CASE("private relay: the measurement context carries its state and launchd's limit from the facts") {
  const MeasurementContext relay = measurement_context_of(FixtureFacts("sonoma-private-relay").facts().document());
  CHECK(relay.private_relay == PrivateRelayState::on);
  REQUIRE(relay.launchd_limits);
  CHECK(relay.launchd_limits->soft == 256u);
  CHECK(!relay.launchd_limits->hard);  // unlimited

  const MeasurementContext bare = measurement_context_of(pugi::xml_document());
  CHECK(bare.private_relay == PrivateRelayState::unknown);
  CHECK(!bare.launchd_limits);
}

TEST_CASE("private relay: ports 80 and 53 are what the relay may carry") {
  CHECK(relay_may_carry({"example.com", 80}));
  CHECK(relay_may_carry({"192.0.2.53", 53}));
  CHECK_FALSE(relay_may_carry({"example.com", 443}));
  CHECK_FALSE(relay_caveat({"example.com", 443}, PrivateRelayState::on));
  CHECK_FALSE(relay_caveat({"example.com", 80}, PrivateRelayState::off));
  const auto on = relay_caveat({"example.com", 80}, PrivateRelayState::on);
  REQUIRE(on);
  CHECK(on->starts_with("iCloud Private Relay is on on this Mac, and the relay carries plain HTTP (port 80)"));
  const auto unknown = relay_caveat({"dns.example", 53}, PrivateRelayState::unknown);
  REQUIRE(unknown);
  CHECK(unknown->starts_with("nwaudit does not know whether iCloud Private Relay is on here, and the relay carries "
                             "unencrypted DNS (port 53)"));
  CHECK(unknown->find("--probe-target HOST:443") != std::string::npos);
  CHECK(private_relay_state_from("on") == PrivateRelayState::on);
  CHECK(private_relay_state_from("off") == PrivateRelayState::off);
  CHECK(private_relay_state_from("") == PrivateRelayState::unknown);
}

TEST_CASE("private relay: a probe of plain HTTP shows no path unless the relay is known to be off") {
  for (const PrivateRelayState relay : {PrivateRelayState::on, PrivateRelayState::unknown}) {
    const Measurement measured = probe_through({"example.com", 80}, relay);
    CHECK(measured.observed.path == NetworkPath::unknown);
    REQUIRE(!measured.observed.evidence.empty());
    CHECK(measured.observed.evidence.front().find("iCloud Private Relay") != std::string::npos);
    CHECK(measured.census);  // the counts are still reported
  }
  const Measurement off = probe_through({"example.com", 80}, PrivateRelayState::off);
  CHECK(off.observed.path == NetworkPath::user_space);
  const Measurement tls = probe_through({"example.com", 443}, PrivateRelayState::on);
  CHECK(tls.observed.path == NetworkPath::user_space);
  for (const std::string& sentence : tls.observed.evidence) CHECK(sentence.find("Private Relay") == std::string::npos);
}

TEST_CASE("private relay: a redacted bundle keeps the status and drops the networks joined") {
  const std::string original = fixture_file(kRelayUser);
  redact::Redactor redactor;
  const std::string redacted = redactor.file("/" + std::string(kRelayUser), original);
  CHECK(redacted.find("Cafe") == std::string::npos);
  auto value = plist::parse(redacted, "redacted");
  REQUIRE(value);
  CHECK(value->dictionary()->size() == 1);
  const auto status = private_relay::service_status(*value, "redacted");
  REQUIRE(status);
  CHECK(*status == 1);

  // Without a readable status nothing of the file is kept.
  const std::string unreadable = redactor.file("/" + std::string(kOtherUser),
                                               "<plist><dict><key>NSPServiceStatusManagerInfo</key><string>Home "
                                               "Wi-Fi</string></dict></plist>");
  CHECK(unreadable.find("Home") == std::string::npos);
}
