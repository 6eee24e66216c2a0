#include "measure_support.h"

#include <unistd.h>

#include <fstream>

#include "cli_support.h"
#include "exit_codes.h"
#include "nwaudit/live/system_probe.h"
#include "nwaudit/facts/collectors.h"
#include "nwaudit/probe/measure.h"
#include "nwaudit/probe/private_relay.h"
#include "nwaudit/version.h"

namespace nwaudit::cli {
namespace {

// lsof output pasted into a ticket; real ones are well under a megabyte.
constexpr std::streamsize kMaxListingBytes = 16 << 20;

std::optional<Measurement> measure_lsof_file(const std::string& path, int& status) {
  std::ifstream file(path, std::ios::binary | std::ios::ate);
  const std::streamoff size = file ? static_cast<std::streamoff>(file.tellg()) : -1;
  if (size < 0) {
    complain("cannot read " + path);
    status = exit_code::kInputError;
    return std::nullopt;
  }
  if (size > kMaxListingBytes) {
    complain(path + ": larger than 16 MiB, which is not an lsof listing of one process");
    status = exit_code::kInputError;
    return std::nullopt;
  }
  std::string text(static_cast<std::size_t>(size), '\0');
  file.seekg(0);
  if (!file.read(text.data(), size)) {
    complain("cannot read " + path);
    status = exit_code::kInputError;
    return std::nullopt;
  }
  return measure_lsof_listing(text, path);
}

// The measurement alone, before the context adds to it.
std::optional<Measurement> measure(const MeasureOptions& options, PrivateRelayState private_relay, int& status) {
  if (options.lsof) return measure_lsof_file(*options.lsof, status);
  nwaudit::ProbeOptions probe;
  probe.connections = options.connections;
  probe.timeout = std::chrono::milliseconds(static_cast<long long>(options.timeout_seconds * 1000));
  if (options.target) {
    auto endpoint = parse_probe_endpoint(*options.target);
    if (!endpoint) {
      complain("--probe-target " + endpoint.error().describe());
      status = exit_code::kUsage;
      return std::nullopt;
    }
    probe.target = *endpoint;
    probe.private_relay = private_relay;
  }
  auto census = make_system_census_reader();
  if (!census) {
    complain("nwaudit cannot count a process's descriptors on this system; --lsof FILE works everywhere");
    status = exit_code::kUsage;
    return std::nullopt;
  }
  if (options.pid) return measure_process(*census, *options.pid);
  auto opener = make_system_connection_opener();
  if (!opener) {
    complain("the probe opens Network.framework connections, so it needs macOS.\n"
             "  Here: --pid PID counts a running process's descriptors, --lsof FILE reads `lsof -p PID` output.");
    status = exit_code::kUsage;
    return std::nullopt;
  }
  if (probe.target) {
    if (auto caveat = relay_caveat(*probe.target, private_relay)) complain("warning: " + *caveat);
  }
  return run_probe(*opener, *census, ::getpid(), probe);
}

}  // namespace

bool can_probe() { return make_system_connection_opener() != nullptr; }

std::optional<Measurement> take_measurement(const MeasureOptions& options, const MeasurementContext& context,
                                            int& status) {
  auto measurement = measure(options, context.private_relay, status);
  if (measurement) add_context(*measurement, context);
  return measurement;
}

MeasurementContext live_measurement_context() {
#ifdef __APPLE__
  int status = exit_code::kOk;
  std::unique_ptr<Source> mac = open_source(std::nullopt, status);
  if (!mac) return {};
  Facts facts(kVersion, mac->description());
  collect_some_facts(*mac, {"private-relay", "descriptor-limit"}, facts);
  return measurement_context_of(facts.document());
#else
  return {};
#endif
}

}  // namespace nwaudit::cli
