#include "measure_support.h"

#include <unistd.h>

#include <fstream>

#include "cli_support.h"
#include "exit_codes.h"
#include "nwaudit/live/system_probe.h"
#include "nwaudit/probe/measure.h"

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

}  // namespace

bool can_probe() { return make_system_connection_opener() != nullptr; }

std::optional<Measurement> take_measurement(const MeasureOptions& options, int& status) {
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
  return run_probe(*opener, *census, ::getpid(), probe);
}

}  // namespace nwaudit::cli
