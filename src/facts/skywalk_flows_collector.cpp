#include <map>
#include <string>
#include <vector>

#include "nwaudit/capture/skywalk_flows_capture.h"
#include "collector_registry.h"
#include "collector_support.h"

namespace nwaudit {
namespace {

constexpr const char* kCollector = "skywalk-flows";

struct ProcessFlows {
  std::string name;
  std::size_t user_space = 0;
  std::size_t kernel = 0;
};

// The flows per process, in the order the table first names each: a kernel flow counts for the
// app it serves, or for kernel_task when it names none.
std::vector<ProcessFlows> by_process(const std::vector<capture::SkywalkFlow>& flows) {
  std::vector<ProcessFlows> processes;
  std::map<std::string, std::size_t> index_of;
  for (const capture::SkywalkFlow& flow : flows) {
    const std::string& name = flow.kernel && !flow.on_behalf_of.empty() ? flow.on_behalf_of : flow.process;
    const auto [at, added] = index_of.try_emplace(name, processes.size());
    if (added) processes.push_back({name});
    ++(flow.kernel ? processes[at->second].kernel : processes[at->second].user_space);
  }
  return processes;
}

// The kernel's own record of which processes use user-space flows: skywalkctl flow, captured
// only by some snapshots (a sysdiagnose's network-info/skywalk.txt), so read only when there.
void collect_skywalk_flows(const collector::Input& input, Facts& facts) {
  const std::string path = collector::capture_path("skywalkctl-flow.txt");
  if (!input.source.status(path)) return;
  const auto table = collector::read_capture(input.source, facts, kCollector, path, capture::parse_skywalk_flows);
  if (!table) return;
  if (!table->table_found) {
    facts.record_problem(kCollector, Error{ErrorKind::malformed, path, {}, "no skywalkctl flow table in the capture"});
    return;
  }
  std::size_t kernel = 0;
  for (const capture::SkywalkFlow& flow : table->flows) kernel += flow.kernel ? 1 : 0;
  FactElement element = facts.add("skywalk-flows");
  element.set("user-space", table->flows.size() - kernel);
  element.set("kernel", kernel);
  element.set("source", path);
  const std::vector<ProcessFlows> processes = by_process(table->flows);
  const std::size_t taken = collector::entries_to_take(facts, kCollector, path, processes.size(), "processes");
  for (std::size_t i = 0; i < taken; ++i) {
    FactElement process = element.add_child("process");
    process.set("name", processes[i].name);
    process.set("user-space", processes[i].user_space);
    process.set("kernel", processes[i].kernel);
  }
}

constexpr contract::Attribute kFlows[] = {
    {"user-space", contract::Type::integer,
     "flows a process owns through a user-space channel: Network.framework's own TCP/IP stack in use"},
    {"kernel", contract::Type::integer, "flows kernel_task owns: BSD sockets' packets through the flow switch"},
    {"source", contract::Type::path, "the capture"},
};
constexpr contract::Attribute kProcess[] = {
    {"name", contract::Type::text, "the process, or for a kernel flow the app it serves (kernel_task when none)"},
    {"user-space", contract::Type::integer, "its user-space flows"},
    {"kernel", contract::Type::integer, "the kernel flows that serve it"},
};
constexpr contract::Element kContract[] = {
    {"/facts/skywalk-flows", "the flows the kernel's flow switches held when the capture was made",
     "skywalkctl flow -n (skywalkctl-flow.txt; a sysdiagnose's network-info/skywalk.txt)", kFlows},
    {"/facts/skywalk-flows/process", "the flows of one process", "skywalkctl flow -n", kProcess},
};

}  // namespace

namespace collector {
extern const Registration skywalk_flows_collector{{kCollector, kContract}, collect_skywalk_flows};
}  // namespace collector

}  // namespace nwaudit
