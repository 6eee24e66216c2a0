// macOS only: a process's descriptors counted through libproc (<libproc.h>, <sys/proc_info.h>),
// the calls lsof makes.
#include <libproc.h>
#include <netinet/in.h>
#include <sys/proc_info.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "nwaudit/live/system_probe.h"

// Skywalk channels are in the public <sys/proc_info.h> since xnu-8019.80.24 (macOS 12.2); an
// older SDK lacks them. Values and layout from apple-oss-distributions/xnu, bsd/sys/proc_info.h.
#ifndef PROX_FDTYPE_CHANNEL
#define PROX_FDTYPE_CHANNEL 10
#endif
#ifndef PROC_PIDFDCHANNELINFO
#define PROC_PIDFDCHANNELINFO 10
struct proc_channel_info {
  uuid_t chi_instance;
  uint32_t chi_port;
  uint32_t chi_type;
  uint32_t chi_flags;
  uint32_t rfu_1;
};
struct channel_fdinfo {
  struct proc_fileinfo pfi;
  struct proc_channel_info channelinfo;
};
#endif
#ifndef PROC_CHANNEL_TYPE_FLOW_SWITCH
#define PROC_CHANNEL_TYPE_FLOW_SWITCH 3
#endif

namespace nwaudit {
namespace {

std::string subject(int pid) { return "process " + std::to_string(pid); }

Error process_error(int pid, int number) {
  switch (number) {
    case ESRCH: return Error{ErrorKind::not_found, subject(pid), {}, "no such process"};
    case EPERM:
    case EACCES:
      return Error{ErrorKind::permission_denied, subject(pid), {},
                   "macOS shows a process's descriptors only to the same user and to root: run nwaudit as the "
                   "user who runs it, or with sudo"};
    default: return Error{ErrorKind::io, subject(pid), {}, std::strerror(number)};
  }
}

// proc_pidinfo and proc_pidfdinfo return 0 both on failure (errno set) and for an empty answer.
int call_errno() { return errno != 0 ? errno : EIO; }

// The open descriptors. The first call sizes the table (with room to spare); a full buffer
// means the table may have grown since, so the list is asked again with a larger one.
Expected<std::vector<proc_fdinfo>> descriptors(int pid) {
  errno = 0;
  int bytes = ::proc_pidinfo(pid, PROC_PIDLISTFDS, 0, nullptr, 0);
  if (bytes <= 0) return process_error(pid, call_errno());
  for (int attempt = 0; attempt < 4; ++attempt) {
    std::vector<proc_fdinfo> list(static_cast<std::size_t>(bytes) / PROC_PIDLISTFD_SIZE + 1);
    const int capacity = static_cast<int>(list.size() * PROC_PIDLISTFD_SIZE);
    errno = 0;
    const int filled = ::proc_pidinfo(pid, PROC_PIDLISTFDS, 0, list.data(), capacity);
    if (filled <= 0 && errno != 0) return process_error(pid, errno);
    if (filled < capacity) {
      list.resize(static_cast<std::size_t>(std::max(filled, 0)) / PROC_PIDLISTFD_SIZE);
      return list;
    }
    bytes = capacity * 2;
  }
  return Error{ErrorKind::io, subject(pid), {}, "its descriptor table kept growing while it was listed"};
}

// 0 when proc_pidfdinfo filled `info`, else the errno.
template <class Info>
int fd_info(int pid, int fd, int flavor, Info& info) {
  errno = 0;
  const int filled = ::proc_pidfdinfo(pid, fd, flavor, &info, static_cast<int>(sizeof info));
  return filled == static_cast<int>(sizeof info) ? 0 : call_errno();
}

// The descriptor closed, or was reused for another kind, since it was listed.
bool gone(int error) { return error == EBADF || error == ENOTSOCK; }
bool process_unreadable(int error) { return error == ESRCH || error == EPERM || error == EACCES; }

// The count_* functions say whether they counted the descriptor: false when it closed
// meanwhile, an Error when the process could not be read any more.

// A socket: TCP or UDP over IPv4 or IPv6, or another kind. One that cannot be examined counts
// as another kind.
Expected<bool> count_socket(int pid, int fd, DescriptorCensus& census) {
  socket_fdinfo info{};
  const int error = fd_info(pid, fd, PROC_PIDFDSOCKETINFO, info);
  if (gone(error)) return false;
  if (process_unreadable(error)) return process_error(pid, error);
  const int kind = info.psi.soi_kind;
  const int protocol = info.psi.soi_protocol;
  const bool internet = error == 0 && (kind == SOCKINFO_TCP || kind == SOCKINFO_IN);
  if (internet && (kind == SOCKINFO_TCP || protocol == IPPROTO_TCP)) {
    ++census.tcp;
  } else if (internet && protocol == IPPROTO_UDP) {
    ++census.udp;
  } else {
    ++census.other_sockets;
  }
  return true;
}

// A Skywalk channel, and whether it is a flow-switch channel (lsof's "CHAN flowsw").
Expected<bool> count_channel(int pid, int fd, DescriptorCensus& census) {
  channel_fdinfo info{};
  const int error = fd_info(pid, fd, PROC_PIDFDCHANNELINFO, info);
  if (gone(error)) return false;
  if (process_unreadable(error)) return process_error(pid, error);
  ++census.channels;
  if (error == 0 && info.channelinfo.chi_type == PROC_CHANNEL_TYPE_FLOW_SWITCH) ++census.flowswitch_channels;
  return true;
}

Expected<bool> count(int pid, const proc_fdinfo& fd, DescriptorCensus& census) {
  switch (fd.proc_fdtype) {
    case PROX_FDTYPE_SOCKET: return count_socket(pid, fd.proc_fd, census);
    case PROX_FDTYPE_CHANNEL: return count_channel(pid, fd.proc_fd, census);
    case PROX_FDTYPE_NETPOLICY: ++census.npolicy; break;
    case PROX_FDTYPE_VNODE: ++census.files; break;
    default: ++census.other; break;  // pipes, kqueues, shared memory, nexus controllers, ...
  }
  return true;
}

std::optional<std::uint64_t> limit_value(rlim_t value) {
  if (value == RLIM_INFINITY) return std::nullopt;
  return static_cast<std::uint64_t>(value);
}

class MacosCensusReader final : public CensusReader {
 public:
  Expected<DescriptorCensus> take(int pid) const override {
    auto list = descriptors(pid);
    if (!list) return std::move(list).error();
    DescriptorCensus census;
    for (const proc_fdinfo& fd : *list) {
      const auto counted = count(pid, fd, census);
      if (!counted) return counted.error();
      if (*counted) ++census.total;
    }
    return census;
  }

  Expected<DescriptorLimits> limits(int pid) const override {
    if (pid != ::getpid()) {
      return Error{ErrorKind::io, subject(pid), {},
                   "macOS does not report another process's descriptor limit (a process can read only its own)"};
    }
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return process_error(pid, errno);
    return DescriptorLimits{limit_value(limit.rlim_cur), limit_value(limit.rlim_max)};
  }
};

}  // namespace

std::unique_ptr<CensusReader> make_system_census_reader() { return std::make_unique<MacosCensusReader>(); }

}  // namespace nwaudit
