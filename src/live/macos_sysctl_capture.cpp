// macOS only: sysctl.txt and net.api_stats from sysctlbyname(3) (<sys/sysctl.h>).
#include <sys/sysctl.h>
#include <sys/types.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>

#include "nwaudit/facts/snapshot_layout.h"
#include "macos_captures.h"

namespace nwaudit::live {
namespace {

enum class Kind { text, signed_integer, unsigned_integer };

struct SysctlName {
  const char* name;
  Kind kind;
};

// Those of nwaudit-facts(5), with the types xnu declares them with (bsd/net/dlil_sysctl.c,
// bsd/net/necp_client.c, bsd/kern/kern_sysctl.c, bsd/skywalk/lib/net_filter_event.c).
constexpr SysctlName kSysctls[] = {
    {"net.filter_state", Kind::text},
    {"net.link.generic.system.enable_netagent", Kind::unsigned_integer},
    {"net.necp.socket_flow_count", Kind::signed_integer},
    {"net.necp.nexus_flow_count", Kind::signed_integer},
    {"kern.bootargs", Kind::text},
    {"kern.osproductversion", Kind::text},
    {"kern.osversion", Kind::text},
    {"hw.machine", Kind::text},
};

constexpr std::size_t kMaxValueBytes = 64 * 1024;
constexpr std::size_t kMaxApiStatsBytes = 4096;

// The sysctl's bytes; nullopt when this kernel has no such name (ENOENT). An Error (io, named
// by the sysctl) when it cannot be read.
Expected<std::optional<std::string>> read_sysctl(const char* name, std::size_t max_bytes) {
  const auto failure = [&](std::string reason) { return Error{ErrorKind::io, name, {}, std::move(reason)}; };
  const std::optional<std::string> no_such_name;
  for (int attempt = 0; attempt < 3; ++attempt) {
    std::size_t size = 0;
    if (::sysctlbyname(name, nullptr, &size, nullptr, 0) != 0) {
      if (errno == ENOENT) return no_such_name;
      return failure(std::strerror(errno));
    }
    if (size > max_bytes) return failure(std::to_string(size) + " bytes, over " + std::to_string(max_bytes));
    std::string value(size, '\0');
    if (::sysctlbyname(name, value.data(), &size, nullptr, 0) == 0) {
      value.resize(size);
      return std::optional<std::string>(std::move(value));
    }
    if (errno == ENOENT) return no_such_name;
    if (errno != ENOMEM) return failure(std::strerror(errno));
    // ENOMEM: the value grew between the two calls; ask for its size again.
  }
  return failure("its size kept changing");
}

// The value as sysctl(8) prints it; nullopt for an integer of an unexpected size.
std::optional<std::string> printed(const std::string& value, Kind kind) {
  if (kind == Kind::text) return value.substr(0, value.find('\0'));
  if (value.size() == sizeof(std::int32_t)) {
    std::int32_t number = 0;
    std::memcpy(&number, value.data(), sizeof number);
    return kind == Kind::signed_integer ? std::to_string(number) : std::to_string(static_cast<std::uint32_t>(number));
  }
  if (value.size() == sizeof(std::int64_t)) {
    std::int64_t number = 0;
    std::memcpy(&number, value.data(), sizeof number);
    return kind == Kind::signed_integer ? std::to_string(number) : std::to_string(static_cast<std::uint64_t>(number));
  }
  return std::nullopt;
}

// One line of sysctl.txt. A name the kernel does not have is written as sysctl(8) reports it;
// a value that cannot be read becomes a line the parser reports as a problem, in coverage.
std::string sysctl_line(const SysctlName& sysctl) {
  const std::string name = sysctl.name;
  const auto read = read_sysctl(sysctl.name, kMaxValueBytes);
  if (!read) return "sysctl: " + name + ": " + read.error().reason + "\n";
  if (!*read) return "sysctl: unknown oid '" + name + "'\n";
  const std::string& bytes = **read;
  const std::optional<std::string> value = printed(bytes, sysctl.kind);
  if (!value) return "sysctl: " + name + ": an integer of " + std::to_string(bytes.size()) + " bytes\n";
  return name + ": " + *value + "\n";
}

Expected<std::string> sysctl_text() {
  std::string text;
  for (const SysctlName& sysctl : kSysctls) text += sysctl_line(sysctl);
  return text;
}

Expected<std::string> api_stats_bytes() {
  const std::string path = collector::capture_path("net.api_stats");
  auto read = read_sysctl("net.api_stats", kMaxApiStatsBytes);
  if (!read) return Error{ErrorKind::io, path, {}, "sysctlbyname(\"net.api_stats\"): " + read.error().reason};
  if (!*read) return Error{ErrorKind::not_found, path, {}, "this macOS has no net.api_stats sysctl"};
  return std::move(**read);
}

}  // namespace

LiveCapture sysctl_capture() { return {"sysctl.txt", sysctl_text}; }

LiveCapture api_stats_capture() { return {"net.api_stats", api_stats_bytes}; }

}  // namespace nwaudit::live
