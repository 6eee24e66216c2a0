#include <doctest/doctest.h>

#include <deque>
#include <string>

#include "nwaudit/probe/measure.h"
#include "nwaudit/probe/probe.h"
#include "test_support.h"

using namespace nwaudit;

namespace {

DescriptorCensus census_with(std::uint64_t tcp, std::uint64_t flowswitch_channels) {
  DescriptorCensus census;
  census.tcp = tcp;
  census.channels = census.flowswitch_channels = flowswitch_channels;
  census.files = 3;
  census.total = tcp + flowswitch_channels + 3;
  return census;
}

ConnectionOutcome outcome_of(std::size_t requested, std::size_t ready, std::size_t failed = 0, std::size_t timed_out = 0) {
  return ConnectionOutcome{requested, ready, failed, timed_out, {}};
}

// Scripted censuses, one per take(); an Error once the script runs out.
class ScriptedCensus : public CensusReader {
 public:
  explicit ScriptedCensus(std::deque<Expected<DescriptorCensus>> script) : script_(std::move(script)) {}
  Expected<DescriptorCensus> take(int pid) const override {
    last_pid = pid;
    if (script_.empty()) return Error{ErrorKind::io, "census", "", "no more censuses"};
    auto next = script_.front();
    script_.pop_front();
    return next;
  }
  Expected<DescriptorLimits> limits(int) const override { return DescriptorLimits{256, std::nullopt}; }
  mutable int last_pid = 0;

 private:
  mutable std::deque<Expected<DescriptorCensus>> script_;
};

class FakeOpener : public ConnectionOpener {
 public:
  explicit FakeOpener(Expected<ConnectionOutcome> outcome) : outcome_(std::move(outcome)) {}
  Expected<ConnectionOutcome> open(const std::optional<ProbeEndpoint>& target, std::size_t count,
                                   std::chrono::milliseconds) override {
    opened_target = target;
    opened_count = count;
    return outcome_;
  }
  void close_all() override { ++closed; }
  std::optional<ProbeEndpoint> opened_target;
  std::size_t opened_count = 0;
  int closed = 0;

 private:
  Expected<ConnectionOutcome> outcome_;
};

}  // namespace

TEST_CASE("probe classification: one new socket per ready connection is the socket path") {
  const auto observed = classify_probe(census_with(0, 0), census_with(17, 0), outcome_of(8, 8), ProbeRoute::remote);
  CHECK(observed.path == NetworkPath::sockets);
  REQUIRE(!observed.evidence.empty());
  CHECK(observed.evidence[0].find("17 new TCP or UDP sockets") != std::string::npos);
}

TEST_CASE("probe classification: no new socket and a flow-switch channel is user-space") {
  CHECK(classify_probe(census_with(0, 0), census_with(0, 1), outcome_of(8, 8), ProbeRoute::remote).path == NetworkPath::user_space);
  // A channel the process already held counts too: Network.framework keeps one per process.
  CHECK(classify_probe(census_with(2, 1), census_with(2, 1), outcome_of(8, 8), ProbeRoute::remote).path == NetworkPath::user_space);
}

TEST_CASE("probe classification: fewer new sockets than connections is mixed") {
  CHECK(classify_probe(census_with(0, 1), census_with(3, 1), outcome_of(8, 8), ProbeRoute::remote).path == NetworkPath::mixed);
}

TEST_CASE("probe classification: nothing ready, or nothing to see, is unknown and says why") {
  const auto none_ready = classify_probe(census_with(0, 0), census_with(0, 0), ConnectionOutcome{8, 0, 3, 5, {"Connection refused"}},
                                           ProbeRoute::remote);
  CHECK(none_ready.path == NetworkPath::unknown);
  REQUIRE(none_ready.evidence.size() == 2);
  CHECK(none_ready.evidence[0].find("0 of 8 connections became ready, 3 failed, 5 timed out") != std::string::npos);
  CHECK(none_ready.evidence[1].find("Connection refused") != std::string::npos);
  CHECK(classify_probe(census_with(0, 0), census_with(0, 0), outcome_of(8, 8), ProbeRoute::remote).path == NetworkPath::unknown);
  // Sockets that closed meanwhile never count as negative.
  CHECK(classify_probe(census_with(5, 0), census_with(1, 0), outcome_of(8, 8), ProbeRoute::remote).path == NetworkPath::unknown);
}

TEST_CASE("probe classification over loopback: only user space is conclusive") {
  CHECK(classify_probe(census_with(0, 0), census_with(0, 1), outcome_of(8, 8), ProbeRoute::loopback).path ==
        NetworkPath::user_space);
  const auto sockets = classify_probe(census_with(0, 0), census_with(17, 0), outcome_of(8, 8), ProbeRoute::loopback);
  CHECK(sockets.path == NetworkPath::unknown);
  REQUIRE(sockets.evidence.size() == 2);
  CHECK(sockets.evidence[0].find("17 new TCP or UDP sockets") != std::string::npos);
  CHECK(sockets.evidence[1].find("--probe-target") != std::string::npos);
  CHECK(classify_probe(census_with(0, 1), census_with(3, 1), outcome_of(8, 8), ProbeRoute::loopback).path ==
        NetworkPath::unknown);
}

TEST_CASE("census classification of a running app") {
  CHECK(classify_census(census_with(250, 0)).path == NetworkPath::sockets);
  CHECK(classify_census(census_with(0, 1)).path == NetworkPath::user_space);
  CHECK(classify_census(census_with(2, 1)).path == NetworkPath::mixed);
  CHECK(classify_census(census_with(0, 0)).path == NetworkPath::unknown);
}

TEST_CASE("probe: censuses before and after, the connections closed, the path observed") {
  ScriptedCensus census({census_with(0, 0), census_with(0, 1)});
  FakeOpener opener(outcome_of(8, 8));
  const Measurement measurement = run_probe(opener, census, 4242, ProbeOptions{});
  CHECK(measurement.observed.path == NetworkPath::user_space);
  CHECK(measurement.observed.method == "probe");
  CHECK(measurement.observed.subject == "a loopback listener of the probe's own");
  CHECK(census.last_pid == 4242);
  CHECK(opener.opened_count == 8);
  CHECK(opener.closed == 1);
  REQUIRE(measurement.before);
  REQUIRE(measurement.census);
  CHECK(measurement.census->flowswitch_channels == 1);
  REQUIRE(measurement.limits);
  CHECK(measurement.limits->soft == 256u);
  CHECK(!measurement.limits->hard);
  CHECK(measurement.problems.empty());
}

TEST_CASE("probe: a remote target is named as the subject") {
  ScriptedCensus census({census_with(0, 0), census_with(8, 0)});
  FakeOpener opener(outcome_of(8, 8));
  ProbeOptions options;
  options.target = ProbeEndpoint{"example.com", 443};
  const Measurement measurement = run_probe(opener, census, 1, options);
  CHECK(measurement.observed.subject == "example.com:443");
  REQUIRE(opener.opened_target);
  CHECK(opener.opened_target->port == 443);
  CHECK(measurement.observed.path == NetworkPath::sockets);
}

TEST_CASE("probe: sockets over its own loopback listener do not count as the Internet path") {
  ScriptedCensus census({census_with(0, 0), census_with(17, 0)});
  FakeOpener opener(outcome_of(8, 8));
  const Measurement measurement = run_probe(opener, census, 1, ProbeOptions{});
  CHECK(measurement.observed.path == NetworkPath::unknown);
  CHECK(measurement.observed.evidence.back().find("--probe-target") != std::string::npos);
}

TEST_CASE("probe: connections that time out leave the path unknown, and are still closed") {
  ScriptedCensus census({census_with(0, 0), census_with(0, 0)});
  FakeOpener opener(ConnectionOutcome{8, 0, 0, 8, {}});
  const Measurement measurement = run_probe(opener, census, 1, ProbeOptions{});
  CHECK(measurement.observed.path == NetworkPath::unknown);
  CHECK(opener.closed == 1);
  REQUIRE(measurement.outcome);
  CHECK(measurement.outcome->timed_out == 8);
}

TEST_CASE("probe: a failed connection among ready ones still shows the path") {
  ScriptedCensus census({census_with(0, 0), census_with(7, 0)});
  FakeOpener opener(ConnectionOutcome{8, 7, 1, 0, {"POSIX error 61: Connection refused"}});
  ProbeOptions remote;
  remote.target = ProbeEndpoint{"192.0.2.10", 443};
  const Measurement measurement = run_probe(opener, census, 1, remote);
  CHECK(measurement.observed.path == NetworkPath::sockets);
  CHECK(measurement.observed.evidence.back().find("Connection refused") != std::string::npos);
}

TEST_CASE("probe: an opener that cannot start, or a census that fails, is a problem, never a throw") {
  {
    ScriptedCensus census({census_with(0, 0)});
    FakeOpener opener(Error{ErrorKind::io, "nw_listener", "", "failed to listen"});
    const Measurement measurement = run_probe(opener, census, 1, ProbeOptions{});
    CHECK(measurement.observed.path == NetworkPath::unknown);
    REQUIRE(measurement.problems.size() == 1);
    CHECK(measurement.problems[0].find("failed to listen") != std::string::npos);
    CHECK(opener.closed == 1);
  }
  {
    ScriptedCensus census({Error{ErrorKind::permission_denied, "/proc/1/fd", "", "denied"}});
    FakeOpener opener(outcome_of(8, 8));
    const Measurement measurement = run_probe(opener, census, 1, ProbeOptions{});
    CHECK(measurement.observed.path == NetworkPath::unknown);
    CHECK(opener.opened_count == 0);  // nothing opened without a census to compare with
  }
  {
    ScriptedCensus census({census_with(0, 0)});  // the second census fails
    FakeOpener opener(outcome_of(8, 8));
    const Measurement measurement = run_probe(opener, census, 1, ProbeOptions{});
    CHECK(measurement.observed.path == NetworkPath::unknown);
    CHECK(opener.closed == 1);
    REQUIRE(!measurement.problems.empty());
    CHECK(measurement.problems.back().find("after opening") != std::string::npos);
  }
}

TEST_CASE("probe endpoints: host:port, bracketed IPv6, and clear errors") {
  auto endpoint = parse_probe_endpoint("example.com:443");
  REQUIRE(endpoint);
  CHECK(endpoint->host == "example.com");
  CHECK(endpoint->port == 443);
  endpoint = parse_probe_endpoint("[2001:db8::1]:8443");
  REQUIRE(endpoint);
  CHECK(endpoint->host == "2001:db8::1");
  CHECK(endpoint->port == 8443);
  for (const char* bad : {"example.com", "example.com:0", "example.com:65536", ":443", "2001:db8::1:443", "host:http"}) {
    INFO(bad);
    auto parsed = parse_probe_endpoint(bad);
    REQUIRE(!parsed);
    CHECK(parsed.error().path == bad);
  }
}

TEST_CASE("standing census of a process, with its limits") {
  ScriptedCensus census({census_with(40, 0)});
  const Measurement measurement = measure_process(census, 77);
  CHECK(measurement.observed.method == "pid");
  CHECK(measurement.observed.subject == "process 77");
  CHECK(measurement.observed.path == NetworkPath::sockets);
  REQUIRE(measurement.limits);
  CHECK(measurement.limits->soft == 256u);
  CHECK(!measurement.before);

  ScriptedCensus failing({Error{ErrorKind::not_found, "/proc/77/fd", "", "no such process"}});
  const Measurement missing = measure_process(failing, 77);
  CHECK(missing.observed.path == NetworkPath::unknown);
  REQUIRE(missing.problems.size() == 1);
  CHECK(missing.problems[0].find("no such process") != std::string::npos);
}

TEST_CASE("an lsof listing measured: subject names the file and the process") {
  const Measurement measurement = measure_lsof_listing(test::fixture("lsof/sockets.txt"), "ticket-4711-lsof.txt");
  CHECK(measurement.observed.method == "lsof");
  CHECK(measurement.observed.subject == "ticket-4711-lsof.txt (NetTest 62541)");
  CHECK(measurement.observed.path == NetworkPath::sockets);
  REQUIRE(measurement.census);
  CHECK(measurement.census->tcp == 250);
  CHECK(!measurement.limits);

  const Measurement empty = measure_lsof_listing("", "empty.txt");
  CHECK(empty.observed.path == NetworkPath::unknown);
  REQUIRE(empty.problems.size() == 1);
  CHECK(empty.problems[0] == "empty.txt: no lsof rows found");
}
