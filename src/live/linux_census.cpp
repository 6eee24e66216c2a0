// The census on Linux, through /proc: it exists so the census is tested where nwaudit is
// developed. Linux has no NECP descriptors or Skywalk channels; those counts stay 0.
#include <dirent.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "nwaudit/capture/text_lines.h"
#include "nwaudit/live/system_probe.h"

namespace nwaudit {
namespace {

std::string proc_path(int pid, std::string_view name) { return "/proc/" + std::to_string(pid) + "/" + std::string(name); }

Error system_error(int number, std::string path) {
  const ErrorKind kind = number == ENOENT ? ErrorKind::not_found
                         : number == EACCES || number == EPERM ? ErrorKind::permission_denied
                                                               : ErrorKind::io;
  std::string reason = number == ENOENT ? "no such process" : std::strerror(number);
  if (kind == ErrorKind::permission_denied) reason += " (another user's process needs root)";
  return {kind, std::move(path), "", std::move(reason)};
}

// The inodes of the sockets listed in /proc/PID/net/NAME (tcp, tcp6, udp, udp6): the
// tenth column of every line after the header.
std::set<std::string> socket_inodes(int pid, std::initializer_list<std::string_view> tables) {
  std::set<std::string> inodes;
  for (std::string_view table : tables) {
    std::ifstream file(proc_path(pid, "net/" + std::string(table)));
    std::string line;
    std::getline(file, line);
    while (std::getline(file, line)) {
      const auto fields = capture::split_fields(line);
      if (fields.size() > 9) inodes.emplace(fields[9]);
    }
  }
  return inodes;
}

// "socket:[12345]" -> "12345"
std::string_view socket_inode(std::string_view target) {
  if (!target.starts_with("socket:[") || !target.ends_with("]")) return {};
  return target.substr(8, target.size() - 9);
}

std::optional<std::uint64_t> limit_value(std::string_view text) {
  if (text == "unlimited") return std::nullopt;
  auto value = capture::parse_integer(text);
  return value && *value >= 0 ? std::optional<std::uint64_t>(static_cast<std::uint64_t>(*value)) : std::nullopt;
}

class LinuxCensusReader : public CensusReader {
 public:
  Expected<DescriptorCensus> take(int pid) const override {
    const std::string directory = proc_path(pid, "fd");
    DIR* listing = opendir(directory.c_str());
    if (listing == nullptr) return system_error(errno, directory);
    const std::set<std::string> tcp = socket_inodes(pid, {"tcp", "tcp6"});
    const std::set<std::string> udp = socket_inodes(pid, {"udp", "udp6"});
    DescriptorCensus census;
    while (const dirent* entry = readdir(listing)) {
      if (entry->d_name[0] == '.') continue;
      if (pid == getpid() && std::string_view(entry->d_name) == std::to_string(dirfd(listing))) continue;  // this listing
      char target[256];
      const ssize_t length = readlinkat(dirfd(listing), entry->d_name, target, sizeof target);
      if (length < 0) continue;  // closed meanwhile
      const std::string_view link(target, static_cast<std::size_t>(length));
      ++census.total;
      if (auto inode = socket_inode(link); !inode.empty()) {
        if (tcp.contains(std::string(inode))) ++census.tcp;
        else if (udp.contains(std::string(inode))) ++census.udp;
        else ++census.other_sockets;
      } else if (link.starts_with("/")) {
        ++census.files;
      } else {
        ++census.other;
      }
    }
    closedir(listing);
    return census;
  }

  Expected<DescriptorLimits> limits(int pid) const override {
    const std::string path = proc_path(pid, "limits");
    std::ifstream file(path);
    if (!file) return system_error(errno, path);
    std::string line;
    while (std::getline(file, line)) {
      if (!line.starts_with("Max open files")) continue;
      const auto fields = capture::split_fields(std::string_view(line).substr(14));
      if (fields.size() < 2) break;
      return DescriptorLimits{limit_value(fields[0]), limit_value(fields[1])};
    }
    return Error{ErrorKind::malformed, path, "", "no \"Max open files\" line"};
  }
};

}  // namespace

std::unique_ptr<CensusReader> make_system_census_reader() { return std::make_unique<LinuxCensusReader>(); }

}  // namespace nwaudit
