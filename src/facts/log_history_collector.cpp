#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "nwaudit/base/limits.h"
#include "nwaudit/capture/log_network_capture.h"
#include "collector_registry.h"
#include "collector_support.h"

namespace nwaudit {
namespace {

constexpr const char* kCollector = "log-history";
// Where a sysdiagnose keeps the unified log, in a format only macOS's `log` reads.
constexpr const char* kSysdiagnoseLogArchive = "/system_logs.logarchive";

// An app's descriptor failures, together.
struct AppFailures {
  const capture::SocketDescriptorFailure* first = nullptr;
  const capture::SocketDescriptorFailure* last = nullptr;
  std::size_t failures = 0;
  std::size_t last_index = 0;  // of its last failure in the capture
};

// One entry per process name, ordered by when each last failed.
std::vector<AppFailures> by_app(const std::vector<capture::SocketDescriptorFailure>& failures) {
  std::vector<AppFailures> apps;
  std::map<std::string_view, std::size_t> app_of_process;
  for (std::size_t index = 0; index < failures.size(); ++index) {
    const auto& failure = failures[index];
    const auto [known, added] = app_of_process.try_emplace(failure.process, apps.size());
    if (added) apps.push_back({&failure, &failure, 0, index});
    AppFailures& app = apps[known->second];
    app.last = &failure;
    app.last_index = index;
    ++app.failures;
  }
  std::sort(apps.begin(), apps.end(),
            [](const AppFailures& a, const AppFailures& b) { return a.last_index < b.last_index; });
  return apps;
}

std::string filter_names(std::uint32_t state) {
  std::string joined;
  for (const std::string& name : capture::filter_state_names(state)) joined += (joined.empty() ? "" : " ") + name;
  return joined.empty() ? "none" : joined;
}

// Of `count` entries, the index of the first of the last limits::kMaxLogEvents, which are kept.
std::size_t first_kept(std::size_t count) {
  return count > limits::kMaxLogEvents ? count - limits::kMaxLogEvents : 0;
}

void add_history(const capture::LogNetworkCapture& log, const std::string& path, Facts& facts) {
  const std::vector<AppFailures> apps = by_app(log.descriptor_failures);
  const std::size_t first_change = first_kept(log.filter_changes.size());
  const std::size_t first_app = first_kept(apps.size());
  FactElement history = facts.add("log-history");
  history.set("filter-changes", log.filter_changes.size());
  history.set("descriptor-failures", log.descriptor_failures.size());
  history.set("dropped", first_change + first_app);
  history.set("source", path);
  for (std::size_t index = first_change; index < log.filter_changes.size(); ++index) {
    const capture::FilterStateChange& change = log.filter_changes[index];
    FactElement element = history.add_child("filter-change");
    element.set("number", index + 1);
    element.set("time", change.time);
    element.set("state", fmt::format("{:#x}", change.state));
    element.set("filters", filter_names(change.state));
  }
  for (std::size_t index = first_app; index < apps.size(); ++index) {
    const AppFailures& app = apps[index];
    FactElement element = history.add_child("descriptor-exhaustion");
    element.set("process", app.last->process);
    element.set("pid", app.last->pid);
    element.set("failures", app.failures);
    element.set("first", app.first->time);
    element.set("last", app.last->time);
  }
}

void collect_log_history(const collector::Input& input, Facts& facts) {
  const std::string path = collector::capture_path("log-network.txt");
  if (!input.source.status(path) && input.source.status(kSysdiagnoseLogArchive)) {
    facts.record_problem(kCollector,
                         Error{ErrorKind::wrong_type, kSysdiagnoseLogArchive, {},
                               "a sysdiagnose's unified log, which only macOS's `log show --archive` reads: run the "
                               "command of log-network.txt (nwaudit-facts(5)) on a Mac with --archive and add its "
                               "output to the snapshot"});
    return;
  }
  const auto log = collector::read_capture(input.source, facts, kCollector, path, capture::parse_log_network);
  if (log) add_history(*log, path, facts);
}

constexpr contract::Attribute kHistory[] = {
    {"filter-changes", contract::Type::integer, "changes of the kernel's filter state the log shows"},
    {"descriptor-failures", contract::Type::integer,
     "sockets Network.framework could not create because the app had no descriptor left"},
    {"dropped", contract::Type::integer, "filter changes and apps not listed, over the limit of nwaudit(1)"},
    {"source", contract::Type::path, "the capture"},
};
constexpr contract::Attribute kFilterChange[] = {
    {"number", contract::Type::integer, "its place among the capture's filter changes, from 1: the last one's is their count"},
    {"time", contract::Type::text, "when, as the log prints it, with the Mac's UTC offset"},
    {"state", contract::Type::text, "the new state in hex, as the kernel logs it"},
    {"filters", contract::Type::text,
     "the filters the state names, space-separated as in net.filter_state, with pf-private-proxy for bit 0x40; "
     "none when it is 0x0"},
};
constexpr contract::Attribute kExhaustion[] = {
    {"process", contract::Type::text, "the process's name"},
    {"pid", contract::Type::integer, "its process id at its last failure"},
    {"failures", contract::Type::integer, "sockets it could not create"},
    {"first", contract::Type::text, "the time of its first failure in the capture"},
    {"last", contract::Type::text, "the time of its last failure in the capture"},
};
constexpr contract::Element kContract[] = {
    {"/facts/log-history", "what the unified log recorded: filter-state changes and apps out of descriptors",
     "log show (log-network.txt)", kHistory},
    {"/facts/log-history/filter-change", "one change of the kernel's filter state",
     "the kernel's \"net_filter_event: new state\" message", kFilterChange},
    {"/facts/log-history/descriptor-exhaustion", "an app whose sockets failed with \"Too many open files\"",
     "Network.framework's nw_socket messages", kExhaustion},
};

}  // namespace

namespace collector {
extern const Registration log_history_collector{{kCollector, kContract}, collect_log_history};
}  // namespace collector

}  // namespace nwaudit
