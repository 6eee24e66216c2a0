// A process whose own descriptor limit is unknown (macOS tells a process only its own): the
// report says so and gives launchd's default, from the audit's facts, as what an app starts with.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "nwaudit/audit/measurement_context.h"
#include "nwaudit/report/report.h"

using namespace nwaudit;

namespace {

// `nwaudit probe --pid` of an app on macOS: 40 sockets, no flow-switch channel, limits unknown.
Measurement app_on_sockets() {
  Measurement measurement;
  measurement.observed = {NetworkPath::sockets, "pid", "process 4242",
                          {"The process holds 40 TCP sockets and 0 UDP sockets and no flow-switch channel."}};
  DescriptorCensus census;
  census.tcp = 40;
  census.files = 20;
  census.total = 60;
  measurement.census = census;
  measurement.problems = {"process 4242: macOS does not report another process's descriptor limit (a process can "
                          "read only its own)"};
  return measurement;
}

std::string report(const Measurement& measurement, ReportFormat format) {
  return render_measurement_report(measurement, format, ReportOptions{false}, "0.1.0");
}

}  // namespace

TEST_CASE("launchd limits: an unknown limit is said, with launchd's default when the facts have it") {
  Measurement measured = app_on_sockets();
  const std::string unknown = report(measured, ReportFormat::text);
  CHECK(unknown.find("  Limits: unknown for this process, and launchd's default was not read") != std::string::npos);
  CHECK(unknown.find("Warning") == std::string::npos);  // nothing known to warn about

  add_context(measured, MeasurementContext{PrivateRelayState::unknown, DescriptorLimits{256, std::nullopt}});
  REQUIRE(measured.launchd_limits);
  const std::string text = report(measured, ReportFormat::text);
  CHECK(text.find("  Limits: unknown for this process (macOS tells a process only its own); launchd") !=
        std::string::npos);
  CHECK(text.find("Warning: Connections here take a socket each") != std::string::npos);
  CHECK(text.find("launchd's default soft limit of 256") != std::string::npos);

  const std::string markdown = report(measured, ReportFormat::markdown);
  CHECK(markdown.find("- **Limits:** unknown for this process (macOS tells a process only its own); launchd starts "
                      "apps with soft 256, hard unlimited, which an app opened from the Finder or the Dock keeps "
                      "unless it raises its own\n") != std::string::npos);

  const nlohmann::json json = nlohmann::json::parse(report(measured, ReportFormat::json));
  CHECK(json["launchd_limits"] == nlohmann::json{{"soft", 256}, {"hard", nullptr}});
  CHECK(!json.contains("limits"));
}

TEST_CASE("launchd limits: the process's own limits, when known, are what the report uses") {
  Measurement measured = app_on_sockets();
  measured.limits = DescriptorLimits{10240, std::nullopt};
  add_context(measured, MeasurementContext{PrivateRelayState::unknown, DescriptorLimits{256, std::nullopt}});
  CHECK(!measured.launchd_limits);
  const std::string text = report(measured, ReportFormat::text);
  CHECK(text.find("Limits: soft 10240") != std::string::npos);
  CHECK(text.find("launchd") == std::string::npos);

  // An lsof listing audited without facts has no limits, and the report guesses none.
  Measurement listing = app_on_sockets();
  listing.observed.method = "lsof";
  CHECK(report(listing, ReportFormat::text).find("Limits:") == std::string::npos);
}

TEST_CASE("report: write sample reports of launchd's limits for schema validation") {
  const char* directory = std::getenv("NWAUDIT_REPORT_SAMPLES");
  if (directory == nullptr || *directory == '\0') return;
  Measurement measured = app_on_sockets();
  add_context(measured, MeasurementContext{PrivateRelayState::unknown, DescriptorLimits{256, std::nullopt}});
  std::ofstream file(std::filesystem::path(directory) / "probe-pid-launchd.json", std::ios::binary);
  file << report(measured, ReportFormat::json);
  file.close();
  REQUIRE(file);
}
