#include "nwaudit/live/command.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>
#include <cstring>
#include <thread>

#include "nwaudit/base/unique_fd.h"

extern char** environ;

namespace nwaudit {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// Standard error is only read for the first line of the reason; the rest is drained unread.
constexpr std::size_t kMaxErrorBytes = 4096;
constexpr std::size_t kReadChunk = 64 * 1024;

std::string command_line(const std::vector<std::string>& argv) {
  std::string line;
  for (const std::string& argument : argv) {
    if (!line.empty()) line += ' ';
    line += argument;
  }
  return line;
}

std::string duration_text(milliseconds duration) {
  const auto count = duration.count();
  return count % 1000 == 0 ? std::to_string(count / 1000) + " s" : std::to_string(count) + " ms";
}

// The first line with something on it, without surrounding white space.
std::string first_line(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const auto start = text.find_first_not_of(kSpace);
  if (start == std::string_view::npos) return {};
  text.remove_prefix(start);
  text = text.substr(0, text.find('\n'));
  return std::string(text.substr(0, text.find_last_not_of(kSpace) + 1));
}

// Makes a pipe end close-on-exec and numbered above standard error, so that dup2 onto 0, 1 or 2
// in the child always makes a copy (dup2 of a descriptor onto itself keeps close-on-exec set).
// False, with errno set, on failure.
bool prepare_pipe_end(UniqueFd& end) {
  if (::fcntl(end.get(), F_SETFD, FD_CLOEXEC) != 0) return false;
  if (end.get() > STDERR_FILENO) return true;
  const int moved = ::fcntl(end.get(), F_DUPFD_CLOEXEC, STDERR_FILENO + 1);
  if (moved < 0) return false;
  end.reset(moved);
  return true;
}

// An Error about running argv.
Error command_error(const std::vector<std::string>& argv, std::string reason) {
  return Error{ErrorKind::io, command_line(argv), {}, std::move(reason)};
}

struct Pipe {
  UniqueFd read_end;
  UniqueFd write_end;
};

// A pipe for the output of argv.
Expected<Pipe> make_pipe(const std::vector<std::string>& argv) {
  const auto failure = [&] { return command_error(argv, std::string("cannot make a pipe: ") + std::strerror(errno)); };
  std::array<int, 2> fds{};
#ifdef __linux__
  if (::pipe2(fds.data(), O_CLOEXEC) != 0) return failure();
#else
  if (::pipe(fds.data()) != 0) return failure();  // macOS has no pipe2; close-on-exec is set next
#endif
  Pipe pipe{UniqueFd(fds[0]), UniqueFd(fds[1])};
  if (!prepare_pipe_end(pipe.read_end) || !prepare_pipe_end(pipe.write_end)) return failure();
  return pipe;
}

// Spawns argv with stdin from /dev/null, stdout and stderr onto the given pipe ends, as the
// leader of a new process group; its process id.
Expected<pid_t> spawn(const std::vector<std::string>& argv, int out_fd, int err_fd) {
  const auto failure = [&](int error) { return command_error(argv, std::string("cannot start: ") + std::strerror(error)); };
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attributes;
  if (int error = ::posix_spawn_file_actions_init(&actions); error != 0) return failure(error);
  if (int error = ::posix_spawnattr_init(&attributes); error != 0) {
    ::posix_spawn_file_actions_destroy(&actions);
    return failure(error);
  }
  int flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
#ifdef POSIX_SPAWN_CLOEXEC_DEFAULT
  flags |= POSIX_SPAWN_CLOEXEC_DEFAULT;  // Apple: the child gets only the descriptors named below
#endif
  sigset_t no_signals;
  sigset_t default_signals;
  sigemptyset(&no_signals);
  sigemptyset(&default_signals);
  sigaddset(&default_signals, SIGPIPE);
  std::vector<char*> arguments;
  for (const std::string& argument : argv) arguments.push_back(const_cast<char*>(argument.c_str()));
  arguments.push_back(nullptr);

  int error = ::posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  if (error == 0) error = ::posix_spawn_file_actions_adddup2(&actions, out_fd, STDOUT_FILENO);
  if (error == 0) error = ::posix_spawn_file_actions_adddup2(&actions, err_fd, STDERR_FILENO);
  if (error == 0) error = ::posix_spawnattr_setflags(&attributes, static_cast<short>(flags));
  if (error == 0) error = ::posix_spawnattr_setpgroup(&attributes, 0);
  if (error == 0) error = ::posix_spawnattr_setsigmask(&attributes, &no_signals);
  if (error == 0) error = ::posix_spawnattr_setsigdefault(&attributes, &default_signals);
  pid_t pid = -1;
  if (error == 0) error = ::posix_spawn(&pid, argv[0].c_str(), &actions, &attributes, arguments.data(), environ);
  ::posix_spawnattr_destroy(&attributes);
  ::posix_spawn_file_actions_destroy(&actions);
  if (error != 0) return failure(error);
  return pid;
}

// One of the child's output pipes, read until end of file.
struct Stream {
  UniqueFd fd;
  std::string data;
  std::size_t keep;  // bytes kept; more is read and dropped

  // Reads what is there; false at end of file or on an error.
  bool read_some() {
    std::array<char, kReadChunk> buffer{};
    for (;;) {
      const ssize_t count = ::read(fd.get(), buffer.data(), buffer.size());
      if (count < 0 && errno == EINTR) continue;
      if (count <= 0) return false;
      const std::size_t room = keep - std::min(keep, data.size());
      data.append(buffer.data(), std::min(room, static_cast<std::size_t>(count)));
      return true;
    }
  }
};

int milliseconds_until(Clock::time_point deadline) {
  const auto left = std::chrono::ceil<milliseconds>(deadline - Clock::now()).count();
  return static_cast<int>(std::clamp<decltype(left)>(left, 0, INT_MAX));
}

enum class Drained { all, timed_out, too_much, failed };

// Reads both pipes until both are closed, the deadline passes or stdout holds over `max_output`.
Drained drain(Stream& out, Stream& err, std::size_t max_output, Clock::time_point deadline) {
  std::array<Stream*, 2> streams{&out, &err};
  while (out.fd.valid() || err.fd.valid()) {
    std::array<pollfd, 2> polled{};
    for (std::size_t i = 0; i < streams.size(); ++i) polled[i] = {streams[i]->fd.get(), POLLIN, 0};
    const int wait = milliseconds_until(deadline);
    if (wait == 0) return Drained::timed_out;
    const int ready = ::poll(polled.data(), polled.size(), wait);  // a negative fd is skipped
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) return Drained::failed;
    for (std::size_t i = 0; i < streams.size(); ++i) {
      if (polled[i].fd >= 0 && polled[i].revents != 0 && !streams[i]->read_some()) streams[i]->fd.reset();
    }
    if (out.data.size() > max_output) return Drained::too_much;
  }
  return Drained::all;
}

struct Exit {
  enum { exited, running, lost } state;
  int status;  // the wait status when exited
};

// Waits for the child to exit until the deadline. `lost` when it was reaped elsewhere (a
// process that ignores SIGCHLD has its children reaped by the kernel).
Exit wait_until(pid_t pid, Clock::time_point deadline) {
  milliseconds pause{1};
  for (;;) {
    int status = 0;
    const pid_t reaped = ::waitpid(pid, &status, WNOHANG);
    if (reaped == pid) return {Exit::exited, status};
    if (reaped < 0 && errno != EINTR) return {Exit::lost, 0};
    if (Clock::now() >= deadline) return {Exit::running, 0};
    std::this_thread::sleep_for(std::min<milliseconds>(pause, milliseconds(milliseconds_until(deadline))));
    pause = std::min(pause * 2, milliseconds(50));
  }
}

void kill_and_reap(pid_t pid) {
  ::killpg(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
}

std::string status_reason(int status, const std::string& error_output) {
  std::string reason = WIFEXITED(status) ? "exited with status " + std::to_string(WEXITSTATUS(status))
                                         : "was killed by signal " + std::to_string(WTERMSIG(status));
  const std::string line = first_line(error_output);
  if (!line.empty()) reason += ": " + line;
  return reason;
}

}  // namespace

Expected<std::string> run_command(const std::vector<std::string>& argv, milliseconds timeout, std::size_t max_output) {
  if (argv.empty() || argv[0].empty() || argv[0].front() != '/') {
    return command_error(argv, "the program is not named by an absolute path");
  }
  const auto failure = [&](std::string reason) { return command_error(argv, std::move(reason)); };
  const Clock::time_point deadline = Clock::now() + timeout;

  auto out_pipe = make_pipe(argv);
  if (!out_pipe) return std::move(out_pipe).error();
  auto err_pipe = make_pipe(argv);
  if (!err_pipe) return std::move(err_pipe).error();
  Stream out{std::move(out_pipe->read_end), {}, std::max(max_output, max_output + 1)};  // one byte over shows the excess
  Stream err{std::move(err_pipe->read_end), {}, kMaxErrorBytes};

  const auto spawned = spawn(argv, out_pipe->write_end.get(), err_pipe->write_end.get());
  if (!spawned) return spawned.error();
  const pid_t pid = *spawned;
  out_pipe->write_end.reset();
  err_pipe->write_end.reset();

  const Drained drained = drain(out, err, max_output, deadline);
  const Exit exit = drained == Drained::all ? wait_until(pid, deadline) : Exit{Exit::running, 0};
  if (exit.state == Exit::running) kill_and_reap(pid);

  switch (drained) {
    case Drained::too_much:
      return failure("wrote more than " + std::to_string(max_output) + " bytes to standard output; it was killed");
    case Drained::failed:
      return failure("waiting for its output failed (poll); it was killed");
    case Drained::timed_out:
      return failure("did not finish within " + duration_text(timeout) + "; it and its process group were killed");
    case Drained::all:
      break;
  }
  switch (exit.state) {
    case Exit::running:
      return failure("did not exit within " + duration_text(timeout) + " after closing its output; it was killed");
    case Exit::lost:
      return failure("its exit status was lost (reaped elsewhere)");
    case Exit::exited:
      break;
  }
  if (WIFEXITED(exit.status) && WEXITSTATUS(exit.status) == 0) return std::move(out.data);
  return failure(status_reason(exit.status, err.data));
}

}  // namespace nwaudit
