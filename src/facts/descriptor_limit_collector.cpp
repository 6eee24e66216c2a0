#include "nwaudit/capture/launchctl_limit_capture.h"
#include "collector_registry.h"
#include "collector_support.h"

namespace nwaudit {
namespace {

constexpr const char* kCollector = "descriptor-limit";

// The descriptor limit launchd gives the apps it starts (from the Finder, the Dock, at login):
// what a GUI app has before it raises its own.
void collect_descriptor_limit(const collector::Input& input, Facts& facts) {
  const std::string path = collector::capture_path("launchctl-limit.txt");
  const auto limits = collector::read_capture(input.source, facts, kCollector, path, capture::parse_launchctl_limit);
  if (!limits || !limits->soft) return;
  FactElement limit = facts.add("descriptor-limit");
  limit.set("soft", *limits->soft);
  limit.set("hard", *limits->hard);
  limit.set("source", path);
}

constexpr contract::Attribute kLimit[] = {
    {"soft", contract::Type::text, "the soft RLIMIT_NOFILE launchd gives the processes it starts: a number or unlimited"},
    {"hard", contract::Type::text, "the hard limit: a number or unlimited"},
    {"source", contract::Type::path, "the capture"},
};
constexpr contract::Element kContract[] = {
    {"/facts/descriptor-limit", "the descriptor limit apps start with", "launchctl limit maxfiles", kLimit},
};

}  // namespace

namespace collector {
extern const Registration descriptor_limit_collector{{kCollector, kContract}, collect_descriptor_limit};
}  // namespace collector

}  // namespace nwaudit
