#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "nwaudit/report/report.h"
#include "report_support.h"
#include "report/display_text.h"

using nlohmann::json;
using nwaudit::AuditResult;
using nwaudit::Cause;
using nwaudit::Confidence;
using nwaudit::ConnectionOutcome;
using nwaudit::DescriptorCensus;
using nwaudit::DescriptorLimits;
using nwaudit::Effect;
using nwaudit::Finding;
using nwaudit::Measurement;
using nwaudit::NetworkPath;
using nwaudit::ReportFormat;
using nwaudit::ReportOptions;
using nwaudit::Rule;
using nwaudit::Severity;

// Measurements are made by hand here, as the probe, a process census or an lsof listing would
// hand them over, so that these tests depend on nothing but the report.
using nwaudit::test::check_order;
using nwaudit::test::contains;
using nwaudit::test::lines_of;
using nwaudit::test::render;

namespace {

DescriptorCensus census(std::uint64_t tcp, std::uint64_t udp, std::uint64_t other_sockets, std::uint64_t npolicy,
                        std::uint64_t channels, std::uint64_t flowswitch, std::uint64_t files, std::uint64_t other) {
  return {tcp, udp, other_sockets, npolicy, channels, flowswitch, files, other,
          tcp + udp + other_sockets + npolicy + channels + files + other};
}

// A probe on a Mac that falls back to sockets: eight new TCP sockets, one per connection.
Measurement probe_showing_sockets() {
  Measurement measurement;
  measurement.observed = {NetworkPath::sockets, "probe", "a loopback listener of the probe's own",
                          {"8 of 8 connections became ready and the process gained 8 new TCP or UDP sockets: one "
                           "kernel socket, and one descriptor, per connection."}};
  measurement.before = census(1, 0, 2, 1, 0, 0, 10, 4);
  measurement.census = census(9, 0, 2, 9, 0, 0, 10, 4);
  measurement.outcome = ConnectionOutcome{8, 8, 0, 0, {}};
  measurement.limits = DescriptorLimits{256, std::nullopt};
  return measurement;
}

// A probe on a Mac that keeps user space: one flow-switch channel, no new socket; one
// connection failed and one timed out.
Measurement probe_showing_user_space() {
  Measurement measurement;
  measurement.observed = {NetworkPath::user_space, "probe", "example.com:443",
                          {"6 of 8 connections became ready, 1 failed, 1 timed out without a single new socket; the "
                           "process holds 1 flow-switch channel: user-space networking.",
                           "Errors: POSIX error 61: Connection refused."}};
  measurement.before = census(0, 0, 2, 1, 0, 0, 10, 4);
  measurement.census = census(0, 0, 2, 2, 1, 1, 10, 5);
  measurement.outcome = ConnectionOutcome{8, 6, 1, 1, {"POSIX error 61: Connection refused"}};
  measurement.limits = DescriptorLimits{10240, std::nullopt};
  return measurement;
}

// An lsof listing pasted into a ticket: both paths at once, and no limits.
Measurement lsof_census() {
  Measurement measurement;
  measurement.observed = {NetworkPath::mixed, "lsof", "lsof-4242.txt",
                          {"The process holds 1 flow-switch channel and also 3 TCP and 1 UDP socket: some connections "
                           "use sockets.",
                           "4 NECP descriptors show it uses Network.framework or NECP-aware APIs."}};
  measurement.census = census(3, 1, 5, 4, 2, 1, 40, 12);
  return measurement;
}

// A running app close to its limit of 256, on sockets.
Measurement process_near_its_limit() {
  Measurement measurement;
  measurement.observed = {NetworkPath::sockets, "pid", "process 4242",
                          {"The process holds 180 TCP and 0 UDP sockets and no flow-switch channel."}};
  measurement.census = census(180, 0, 4, 2, 0, 0, 30, 10);
  measurement.limits = DescriptorLimits{256, 10240};
  return measurement;
}

// A probe that could not open its connections: the census before, and problems.
Measurement failed_probe() {
  Measurement measurement;
  measurement.observed = {NetworkPath::unknown, "probe", "a loopback listener of the probe's own", {}};
  measurement.before = census(0, 0, 2, 1, 0, 0, 10, 4);
  measurement.problems = {"RLIMIT_NOFILE: the system does not tell the limits of process 99",
                          "opening connections: the listener failed: Address already in use"};
  return measurement;
}

// An audit whose facts predicted user space, and a probe that saw sockets.
struct ContradictedAudit {
  Rule old_os = [] {
    Rule rule;
    rule.id = "os-version";
    rule.title = "macOS older than 12";
    rule.cause = Cause::os_version;
    rule.effect = Effect::informational;
    rule.severity = Severity::info;
    return rule;
  }();
  AuditResult result;

  ContradictedAudit() {
    result.tool_version = "0.1.0";
    result.source = "the live system";
    result.host = {"macOS", "14.4.1", "23E224", "arm64"};
    result.verdict.path = NetworkPath::sockets;
    result.verdict.predicted = NetworkPath::user_space;
    result.verdict.confidence = Confidence::high;
    result.verdict.observed = true;
    result.verdict.contradicted = true;
    result.verdict.summary = "Observed sockets, but the facts predicted user-space.";
    Finding finding;
    finding.rule = &old_os;
    finding.subject = "14.4.1";
    finding.message = "macOS 14.4.1 has user-space networking.";
    result.findings = {finding};
    result.measurement = probe_showing_sockets();
  }
  ContradictedAudit(const ContradictedAudit&) = delete;
  ContradictedAudit& operator=(const ContradictedAudit&) = delete;
};

// An audit whose probe confirmed the prediction.
AuditResult confirmed_audit() {
  AuditResult result;
  result.tool_version = "0.1.0";
  result.source = "the live system";
  result.verdict.path = result.verdict.predicted = NetworkPath::user_space;
  result.verdict.confidence = Confidence::confirmed;
  result.verdict.observed = true;
  result.verdict.summary = "Network.framework keeps user space. Confirmed by nwaudit's probe.";
  result.measurement = probe_showing_user_space();
  return result;
}

std::string probe_report(const Measurement& measurement, ReportFormat format, bool color = false) {
  return nwaudit::render_measurement_report(measurement, format, ReportOptions{color}, "0.1.0");
}

std::vector<std::string> keys_of(const std::string& text) {
  const nlohmann::ordered_json parsed = nlohmann::ordered_json::parse(text);
  std::vector<std::string> keys;
  for (const auto& item : parsed.items()) keys.push_back(item.key());
  return keys;
}

const json kSocketsCensus = {{"tcp", 9},      {"udp", 0},  {"other_sockets", 2}, {"npolicy", 9}, {"channels", 0},
                             {"flowswitch_channels", 0}, {"files", 10}, {"other", 4},        {"total", 34}};

}  // namespace

TEST_CASE("report: a probe showing sockets, as text, to the byte") {
  CHECK(probe_report(probe_showing_sockets(), ReportFormat::text) ==
        "Observed: one socket per connection\n"
        "  How: nwaudit's probe, connecting to a loopback listener of the probe's own\n"
        "  Connections: 8 of 8 ready\n"
        "  Descriptors: TCP 1 \u2192 9, UDP 0, other sockets 2, NECP 1 \u2192 9,\n"
        "               channels 0 (0 flow-switch), files 10, other 4, total 18 \u2192 34\n"
        "  Limits: soft 256, hard unlimited; 34 open, 222 to spare\n"
        "  Warning: The soft limit is 256 (apps started from the Finder get 256) and\n"
        "           connections here take a socket each, one descriptor per connection:\n"
        "           an app that opens many can run out. Raise the soft limit with\n"
        "           setrlimit(RLIMIT_NOFILE) early in the app.\n"
        "  - 8 of 8 connections became ready and the process gained 8 new TCP or UDP\n"
        "    sockets: one kernel socket, and one descriptor, per connection.\n"
        "\n"
        "nwaudit 0.1.0\n");
}

TEST_CASE("report: a probe showing user space, as text: changed counts, failures, errors, no warning") {
  const std::string text = probe_report(probe_showing_user_space(), ReportFormat::text);
  check_order(text, {"Observed: user-space networking\n",
                     "  How: nwaudit's probe, connecting to example.com:443\n",
                     "  Connections: 6 of 8 ready, 1 failed, 1 timed out\n",
                     "  Errors: POSIX error 61: Connection refused\n",
                     "  Descriptors: TCP 0, UDP 0, other sockets 2, NECP 1 \u2192 2,\n",
                     "channels 0 \u2192 1 (0 \u2192 1 flow-switch), files 10, other 4 \u2192 5,\n",
                     "total 17 \u2192 20\n",
                     "  Limits: soft 10240, hard unlimited; 20 open, 10220 to spare\n",
                     "  - 6 of 8 connections became ready", "  - Errors: POSIX error 61"});
  CHECK_FALSE(contains(text, "Warning"));
  CHECK_FALSE(contains(text, "Problem"));
}

TEST_CASE("report: a standing census as text: counts without arrows, no connections, limits unknown") {
  const std::string text = probe_report(lsof_census(), ReportFormat::text);
  check_order(text, {"Observed: user space, but some connections on sockets\n",
                     "  How: the lsof listing lsof-4242.txt\n",
                     "  Descriptors: TCP 3, UDP 1, other sockets 5, NECP 4,\n",
                     "channels 2 (1 flow-switch), files 40, other 12, total 67\n", "  - The process holds 1 flow-switch channel",
                     "  - 4 NECP descriptors show"});
  CHECK_FALSE(contains(text, "\u2192"));
  CHECK_FALSE(contains(text, "Connections:"));
  CHECK_FALSE(contains(text, "Limits:"));  // unknown: not shown, not guessed
}

TEST_CASE("report: a census within 20% of the soft limit is warned about") {
  const std::string text = probe_report(process_near_its_limit(), ReportFormat::text);
  check_order(text, {"  How: the descriptors of process 4242\n",
                     "  Limits: soft 256, hard 10240; 226 open, 30 to spare\n",
                     "  Warning: 226 descriptors are open, within 20% of the soft limit of 256:",
                     "  Warning: The soft limit is 256"});

  Measurement roomy = process_near_its_limit();
  roomy.limits = DescriptorLimits{4096, 10240};
  CHECK_FALSE(contains(probe_report(roomy, ReportFormat::text), "Warning"));
  roomy.limits = DescriptorLimits{270, 10240};  // 226 is within 20% of 270 but the limit is above 256
  const std::string near = probe_report(roomy, ReportFormat::text);
  CHECK(contains(near, "within 20% of the soft limit of 270"));
  CHECK_FALSE(contains(near, "apps started from the Finder"));

  Measurement unlimited = process_near_its_limit();
  unlimited.limits = DescriptorLimits{std::nullopt, std::nullopt};
  const std::string free_text = probe_report(unlimited, ReportFormat::text);
  CHECK(contains(free_text, "  Limits: soft unlimited, hard unlimited; 226 open\n"));
  CHECK_FALSE(contains(free_text, "Warning"));

  Measurement user_space = process_near_its_limit();
  user_space.observed.path = NetworkPath::user_space;
  user_space.census->total = 20;  // a limit of 256 matters only when connections take sockets
  CHECK_FALSE(contains(probe_report(user_space, ReportFormat::text), "Warning"));
}

TEST_CASE("report: a measurement that could not tell shows its problems") {
  const std::string text = probe_report(failed_probe(), ReportFormat::text);
  check_order(text, {"Observed: could not tell\n", "  How: nwaudit's probe",
                     "  Problem: RLIMIT_NOFILE: the system does not tell the limits of process 99\n",
                     "  Problem: opening connections: the listener failed: Address already in use\n"});
  CHECK_FALSE(contains(text, "Descriptors:"));  // only the census before was taken

  const std::string colored = probe_report(failed_probe(), ReportFormat::text, true);
  CHECK(contains(colored, "\x1b[33mObserved: could not tell\x1b[0m"));
  CHECK(contains(colored, "\x1b[33mProblem: \x1b[0m"));
  CHECK(contains(probe_report(probe_showing_sockets(), ReportFormat::text, true),
                 "\x1b[33mWarning: \x1b[0mThe soft limit"));
  CHECK(contains(probe_report(probe_showing_user_space(), ReportFormat::text, true),
                 "\x1b[32mObserved: user-space networking\x1b[0m"));
}

TEST_CASE("report: an audit's text shows the observation after the verdict, and a contradiction plainly") {
  ContradictedAudit audit;
  const std::string text = render(audit.result, ReportFormat::text);
  CHECK(text.starts_with("Verdict: one socket per connection (high confidence)\n"
                         "  Predicted: user-space networking. Observed: one socket per connection.\n"
                         "  Observed sockets, but the facts predicted user-space.\n"));
  check_order(text, {"  Mac: macOS 14.4.1 (23E224), arm64\n\nObserved: one socket per connection\n",
                     "  How: nwaudit's probe", "  Descriptors: TCP 1 \u2192 9", "  Limits: soft 256",
                     "  Warning: The soft limit is 256", "  - 8 of 8 connections became ready",
                     "\n\nFor information (1)\n", "nwaudit 0.1.0 \u00B7 the live system\n"});

  const std::string confirmed = render(confirmed_audit(), ReportFormat::text);
  CHECK_FALSE(contains(confirmed, "Predicted:"));
  check_order(confirmed, {"Verdict: user-space networking (confirmed confidence)\n",
                          "\n\nObserved: user-space networking\n", "\nNo findings.\n"});

  for (const std::string& report : {text, confirmed, probe_report(lsof_census(), ReportFormat::text),
                                    probe_report(process_near_its_limit(), ReportFormat::text)}) {
    for (const std::string& line : lines_of(report)) {
      INFO(line);
      CHECK(nwaudit::report::display_width(line) <= 80);
    }
  }
}

TEST_CASE("report: audit JSON puts the measurement beside the verdict") {
  ContradictedAudit audit;
  const std::string text = render(audit.result, ReportFormat::json);
  CHECK(keys_of(text) == std::vector<std::string>{"schema", "tool", "host", "source", "verdict", "observed", "census",
                                                   "census_before", "connections", "limits", "measurement_problems",
                                                   "findings", "coverage", "rule_problems"});
  const json report = json::parse(text);
  CHECK(report["verdict"]["path"] == "sockets");
  CHECK(report["verdict"]["predicted"] == "user-space");
  CHECK(report["verdict"]["observed"] == true);
  CHECK(report["verdict"]["contradicted"] == true);
  CHECK(report["observed"] == json{{"path", "sockets"},
                                   {"method", "probe"},
                                   {"subject", "a loopback listener of the probe's own"},
                                   {"evidence", audit.result.measurement->observed.evidence}});
  CHECK(report["census"] == kSocketsCensus);
  CHECK(report["census_before"]["tcp"] == 1);
  CHECK(report["census_before"]["total"] == 18);
  CHECK(report["connections"] ==
        json{{"requested", 8}, {"ready", 8}, {"failed", 0}, {"timed_out", 0}, {"errors", json::array()}});
  CHECK(report["limits"] == json{{"soft", 256}, {"hard", nullptr}});
  CHECK(report["measurement_problems"] == json::array());

  // Without a measurement none of these keys is there, and the verdict says it was predicted.
  audit.result.measurement.reset();
  audit.result.verdict = {};
  audit.result.verdict.path = audit.result.verdict.predicted = NetworkPath::mixed;
  const std::string predicted = render(audit.result, ReportFormat::json);
  CHECK(keys_of(predicted) == std::vector<std::string>{"schema", "tool", "host", "source", "verdict", "findings",
                                                        "coverage", "rule_problems"});
  const json verdict = json::parse(predicted)["verdict"];
  CHECK(verdict["predicted"] == "mixed");
  CHECK(verdict["observed"] == false);
  CHECK(verdict["contradicted"] == false);
}

TEST_CASE("report: probe JSON has the audit's objects under its own schema") {
  const std::string sockets = probe_report(probe_showing_sockets(), ReportFormat::json);
  CHECK(keys_of(sockets) == std::vector<std::string>{"schema", "tool", "observed", "census", "census_before",
                                                      "connections", "limits", "problems"});
  const json report = json::parse(sockets);
  CHECK(report["schema"] == "nwaudit-probe/1");
  CHECK(report["tool"] == json{{"name", "nwaudit"}, {"version", "0.1.0"}});
  CHECK(report["census"] == kSocketsCensus);
  // The same objects as the audit report, written by the same code.
  ContradictedAudit audit;
  const json audit_report = json::parse(render(audit.result, ReportFormat::json));
  for (const char* key : {"observed", "census", "census_before", "connections", "limits"}) {
    INFO(key);
    CHECK(report[key] == audit_report[key]);
  }

  const json user_space = json::parse(probe_report(probe_showing_user_space(), ReportFormat::json));
  CHECK(user_space["observed"]["path"] == "user-space");
  CHECK(user_space["census"]["flowswitch_channels"] == 1);
  CHECK(user_space["connections"]["timed_out"] == 1);
  CHECK(user_space["connections"]["errors"] == json{"POSIX error 61: Connection refused"});
  CHECK(user_space["limits"] == json{{"soft", 10240}, {"hard", nullptr}});

  const std::string lsof = probe_report(lsof_census(), ReportFormat::json);
  CHECK(keys_of(lsof) == std::vector<std::string>{"schema", "tool", "observed", "census", "problems"});
  CHECK(json::parse(lsof)["observed"]["method"] == "lsof");

  CHECK(json::parse(probe_report(process_near_its_limit(), ReportFormat::json))["limits"] ==
        json{{"soft", 256}, {"hard", 10240}});

  const std::string failed = probe_report(failed_probe(), ReportFormat::json);
  CHECK(keys_of(failed) == std::vector<std::string>{"schema", "tool", "observed", "census_before", "problems"});
  CHECK(json::parse(failed)["observed"]["path"] == "unknown");
  CHECK(json::parse(failed)["problems"].size() == 2);

  // The CLI refuses SARIF for a probe; asked anyway, the renderer gives the JSON.
  CHECK(probe_report(probe_showing_sockets(), ReportFormat::sarif) == sockets);
}

TEST_CASE("report: Markdown shows the observation as a section with a table of counts") {
  ContradictedAudit audit;
  const std::string markdown = render(audit.result, ReportFormat::markdown);
  check_order(markdown, {"## Verdict: one socket per connection (high confidence)\n\n"
                         "**Predicted: user-space networking. Observed: one socket per connection.**\n\n",
                         "- **Mac:** macOS 14.4.1 (23E224), arm64\n\n",
                         "### Observed: one socket per connection\n\n",
                         "- **How:** nwaudit's probe, connecting to a loopback listener of the probe's own\n",
                         "- **Connections:** 8 of 8 ready\n\n",
                         "| Descriptors | Before | After |\n|---|---:|---:|\n",
                         "| TCP sockets | 1 | 9 |\n", "| of which flow-switch | 0 | 0 |\n", "| Total | 18 | 34 |\n\n",
                         "- **Limits:** soft 256, hard unlimited; 34 open, 222 to spare\n",
                         "- **Warning:** The soft limit is 256",
                         "- 8 of 8 connections became ready", "| Severity | Rule | Subject | Effect |"});

  const std::string lsof = probe_report(lsof_census(), ReportFormat::markdown);
  CHECK(lsof.starts_with("## Observed: user space, but some connections on sockets\n\n"
                         "- **How:** the lsof listing lsof-4242.txt\n\n"
                         "| Descriptors | Count |\n|---|---:|\n| TCP sockets | 3 |\n"));
  CHECK(contains(lsof, "| NECP descriptors (NPOLICY) | 4 |\n"));
  CHECK(lsof.ends_with("---\n\n_nwaudit 0.1.0_\n"));
  CHECK_FALSE(contains(lsof, "Limits"));

  const std::string failed = probe_report(failed_probe(), ReportFormat::markdown);
  check_order(failed, {"## Observed: could not tell\n\n", "- **How:**",
                       "- **Problem:** RLIMIT_NOFILE: the system does not tell the limits of process 99\n",
                       "- **Problem:** opening connections: the listener failed: Address already in use\n"});
  CHECK_FALSE(contains(failed, "| Descriptors"));

  const std::string user_space = probe_report(probe_showing_user_space(), ReportFormat::markdown);
  CHECK(contains(user_space, "- **Connections:** 6 of 8 ready, 1 failed, 1 timed out\n"
                             "- **Error:** POSIX error 61: Connection refused\n"));
  CHECK_FALSE(contains(render(confirmed_audit(), ReportFormat::markdown), "**Predicted:"));
}

TEST_CASE("report: SARIF carries the observation in the run's properties and a contradiction as a note") {
  ContradictedAudit audit;
  const json run = json::parse(render(audit.result, ReportFormat::sarif))["runs"][0];
  const json report = json::parse(render(audit.result, ReportFormat::json));
  for (const char* key : {"observed", "census", "census_before", "connections", "limits", "measurement_problems"}) {
    INFO(key);
    CHECK(run["properties"][key] == report[key]);
  }
  CHECK(run["properties"]["verdict"]["contradicted"] == true);

  const json& rules = run["tool"]["driver"]["rules"];
  REQUIRE(rules.size() == 2);
  CHECK(rules[1]["id"] == "observed-path-contradicts-prediction");
  CHECK(rules[1]["defaultConfiguration"]["level"] == "note");
  CHECK_FALSE(rules[1]["help"]["text"].get<std::string>().empty());
  REQUIRE(run["results"].size() == 2);
  const json& note = run["results"][1];
  CHECK(note["ruleId"] == "observed-path-contradicts-prediction");
  CHECK(note["ruleIndex"] == 1);
  CHECK(note["level"] == "note");
  CHECK(note["message"]["text"].get<std::string>().starts_with(
      "Predicted: user-space networking. Observed: one socket per connection. Measured by nwaudit's probe, "
      "connecting to a loopback listener of the probe's own. 8 of 8 connections became ready"));
  CHECK(note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == ".");
  CHECK(note["partialFingerprints"].contains("nwauditFinding/v1"));

  const json confirmed = json::parse(render(confirmed_audit(), ReportFormat::sarif))["runs"][0];
  CHECK(confirmed["results"] == json::array());
  CHECK(confirmed["properties"]["observed"]["path"] == "user-space");

  AuditResult failed = confirmed_audit();
  failed.measurement = failed_probe();
  const json notifications =
      json::parse(render(failed, ReportFormat::sarif))["runs"][0]["invocations"][0]["toolExecutionNotifications"];
  REQUIRE(notifications.size() == 2);
  CHECK(notifications[1] == json{{"level", "warning"},
                                 {"message",
                                  {{"text", "measurement: opening connections: the listener failed: Address already in "
                                            "use"}}}});
}

TEST_CASE("report: text from a listing or a process is made inert in text and Markdown") {
  Measurement hostile = lsof_census();
  hostile.observed.subject = "evil\x1b[31m|<b>x</b>.txt";
  hostile.observed.evidence = {"# not a heading | <script>"};
  hostile.problems = {"line 3: \xFF is not lsof output"};
  const std::string text = probe_report(hostile, ReportFormat::text);
  CHECK_FALSE(contains(text, "\x1b"));
  CHECK(contains(text, "  How: the lsof listing evil\xEF\xBF\xBD[31m|<b>x</b>.txt\n"));
  CHECK(contains(text, "  Problem: line 3: \xEF\xBF\xBD is not lsof output\n"));
  const std::string markdown = probe_report(hostile, ReportFormat::markdown);
  CHECK(contains(markdown, "- **How:** the lsof listing evil\xEF\xBF\xBD\\[31m\\|\\<b\\>x\\</b\\>.txt\n"));
  CHECK(contains(markdown, "- \\# not a heading \\| \\<script\\>\n"));
  // JSON keeps the text, with the byte that is not UTF-8 replaced.
  const json report = json::parse(probe_report(hostile, ReportFormat::json));
  CHECK(report["observed"]["subject"] == hostile.observed.subject);
  CHECK(report["problems"][0] == "line 3: \xEF\xBF\xBD is not lsof output");
}

TEST_CASE("report: a measurement gives the same bytes every time") {
  for (const ReportFormat format : {ReportFormat::text, ReportFormat::json, ReportFormat::markdown, ReportFormat::sarif}) {
    INFO(nwaudit::to_string(format));
    ContradictedAudit first, second;
    CHECK(render(first.result, format) == render(second.result, format));
    CHECK(probe_report(probe_showing_user_space(), format) == probe_report(probe_showing_user_space(), format));
    CHECK(probe_report(failed_probe(), format).ends_with("\n"));
  }
}

// For tests/report_schemas_test.sh: with NWAUDIT_REPORT_SAMPLES set to a directory, writes
// audits with a measurement (measured-*.json, .sarif) and probe reports (probe-*.json) there.
TEST_CASE("report: write sample reports of measurements for schema validation") {
  const char* directory = std::getenv("NWAUDIT_REPORT_SAMPLES");
  if (directory == nullptr || *directory == '\0') return;
  const auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream file(std::filesystem::path(directory) / name, std::ios::binary);
    file << text;
    file.close();
    REQUIRE(file);
  };
  ContradictedAudit audit;
  for (const auto& [extension, format] : {std::pair{"json", ReportFormat::json}, std::pair{"sarif", ReportFormat::sarif},
                                          std::pair{"txt", ReportFormat::text}, std::pair{"md", ReportFormat::markdown}}) {
    write(std::string("measured-contradicted.") + extension, render(audit.result, format));
  }
  AuditResult failed = confirmed_audit();
  failed.measurement = failed_probe();
  write("measured-failed.json", render(failed, ReportFormat::json));
  write("measured-failed.sarif", render(failed, ReportFormat::sarif));
  write("measured-confirmed.json", render(confirmed_audit(), ReportFormat::json));
  const std::vector<std::pair<std::string, Measurement>> probes = {{"sockets", probe_showing_sockets()},
                                                                   {"user-space", probe_showing_user_space()},
                                                                   {"lsof", lsof_census()},
                                                                   {"pid", process_near_its_limit()},
                                                                   {"failed", failed_probe()}};
  for (const auto& [name, measurement] : probes) {
    write("probe-" + name + ".json", probe_report(measurement, ReportFormat::json));
    write("probe-" + name + ".txt", probe_report(measurement, ReportFormat::text));
    write("probe-" + name + ".md", probe_report(measurement, ReportFormat::markdown));
  }
}
