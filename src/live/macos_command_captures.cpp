// macOS only: the captures no API gives, from the commands nwaudit-facts(5) names, each run with
// a timeout.
#include <unistd.h>

#include <chrono>
#include <string>

#include "nwaudit/facts/snapshot_layout.h"
#include "macos_captures.h"
#include "nwaudit/live/command.h"

namespace nwaudit::live {
namespace {

constexpr std::chrono::seconds kTimeout{10};
// `log show` searches every message of its window on disk: a week of a busy Mac's log takes it
// tens of seconds.
constexpr std::chrono::seconds kLogTimeout{90};

// The command's output; a failure names the capture, and the command in its reason.
Expected<std::string> output_of(const std::string& name, const std::vector<std::string>& argv,
                                std::chrono::seconds timeout = kTimeout) {
  auto output = run_command(argv, timeout, collector::kMaxCaptureBytes);
  if (output) return output;
  Error error = std::move(output).error();
  error.reason = error.path + ": " + error.reason;
  error.path = collector::capture_path(name);
  return error;
}

LiveCapture command(std::string name, std::vector<std::string> argv) {
  return {name, [name, argv] { return output_of(name, argv); }};
}

// The route to the default gateway follows the interfaces; without one `route` fails, and the
// capture is ifconfig's output alone.
LiveCapture interfaces() {
  const std::string name = "ifconfig-v.txt";
  return {name, [name] {
            auto text = output_of(name, {"/sbin/ifconfig", "-v"});
            if (!text) return text;
            if (auto route = output_of(name, {"/sbin/route", "-n", "get", "default"})) *text += *route;
            return text;
          }};
}

// pf shows its loaded anchors and rules to root only, and `profiles` the computer's profiles.
// Without root the capture is refused up front, so coverage says (`needs`) what running with
// sudo would add.
LiveCapture as_root(std::string name, std::vector<std::string> argv, std::string needs) {
  return {name, [name, argv, needs]() -> Expected<std::string> {
            if (::geteuid() != 0) {
              return Error{ErrorKind::permission_denied, collector::capture_path(name), {},
                           needs + " need root: run nwaudit with sudo to read them"};
            }
            return output_of(name, argv);
          }};
}

// The unified log's network history (nwaudit-facts(5), log-network.txt).
LiveCapture log_network() {
  const std::string name = "log-network.txt";
  return {name, [name] {
            return output_of(name,
                             {"/usr/bin/log", "show", "--style", "syslog", "--last",
                              std::string(collector::kLogNetworkWindow), "--predicate",
                              std::string(collector::kLogNetworkPredicate)},
                             kLogTimeout);
          }};
}

}  // namespace

std::vector<LiveCapture> command_captures() {
  std::vector<LiveCapture> captures;
  captures.push_back(command("sw_vers.txt", {"/usr/bin/sw_vers"}));
  captures.push_back(command("launchctl-limit.txt", {"/bin/launchctl", "limit", "maxfiles"}));
  captures.push_back(interfaces());
  captures.push_back(command("systemextensionsctl-list.txt", {"/usr/bin/systemextensionsctl", "list"}));
  captures.push_back(as_root("pfctl-anchors.txt", {"/sbin/pfctl", "-s", "Anchors", "-v"}, "pf's loaded rules"));
  captures.push_back(as_root("pfctl-rules.txt", {"/sbin/pfctl", "-s", "rules"}, "pf's loaded rules"));
  captures.push_back(
      as_root("profiles.xml", {"/usr/bin/profiles", "show", "-output", "stdout-xml"}, "the computer's profiles"));
  captures.push_back(log_network());
  return captures;
}

}  // namespace nwaudit::live
