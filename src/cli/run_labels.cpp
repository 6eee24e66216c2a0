#include "run_labels.h"

#include <unistd.h>
#ifdef __APPLE__
#include <uuid/uuid.h>
#endif

#include <array>
#include <chrono>

#include <fmt/chrono.h>

#include "nwaudit/base/sha256.h"
#include "nwaudit/plist/parse.h"

namespace nwaudit::cli {
namespace {

constexpr std::string_view kPreferences = "/Library/Preferences/SystemConfiguration/preferences.plist";

// The first name macOS keeps of the Mac: the HostName an admin set, else the local (Bonjour)
// host name, else the computer name.
std::string host_name_of(const Source& source) {
  auto preferences = plist::read(source, kPreferences);
  if (!preferences) return {};
  for (const plist::Value* value : {preferences->at({"System", "System", "HostName"}),
                                    preferences->at({"System", "Network", "HostNames", "LocalHostName"}),
                                    preferences->at({"System", "System", "ComputerName"})}) {
    if (value != nullptr && value->string() != nullptr && !value->string()->empty()) return *value->string();
  }
  return {};
}

std::string live_host_name() {
  std::array<char, 256> name{};
  if (::gethostname(name.data(), name.size() - 1) != 0) return {};
  return name.data();
}

// The live Mac's own identity: its hardware UUID where the system gives it (unique across a
// fleet, unlike names), else its host name.
std::string live_identity() {
#ifdef __APPLE__
  uuid_t id{};
  const timespec wait{1, 0};
  if (::gethostuuid(id, &wait) == 0) {
    uuid_string_t text{};
    uuid_unparse_upper(id, text);
    return text;
  }
#endif
  return live_host_name();
}

std::string utc_now() {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", now);
}

}  // namespace

std::string machine_pseudonym(std::string_view host_name) {
  Sha256 digest;
  digest.update(std::string_view("nwaudit machine pseudonym\0", 26));
  digest.update(host_name);
  return "mac-" + hex_digits(digest.finish(), 12);
}

ReportOptions::Run run_labels(const Source* source, bool live, bool host_name) {
  ReportOptions::Run run;
  run.audited_at = utc_now();
  std::string name = source != nullptr ? host_name_of(*source) : std::string();
  if (name.empty() && live) name = live_host_name();
  const std::string identity = live ? live_identity() : name;
  if (host_name && !name.empty()) {
    run.machine = name;
    run.machine_kind = "host-name";
  } else if (!host_name && !identity.empty()) {
    run.machine = machine_pseudonym(identity);
    run.machine_kind = "pseudonym";
  } else {
    run.machine_kind = "unknown";
  }
  return run;
}

}  // namespace nwaudit::cli
