#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <thread>

#include "nwaudit/live/command.h"
#include "test_support.h"

using namespace nwaudit;
using namespace std::chrono_literals;
using nwaudit::test::TempDir;

namespace {

constexpr std::size_t kCap = 1 << 20;

Expected<std::string> shell(const std::string& script, std::chrono::milliseconds timeout = 5s,
                            std::size_t max_output = kCap) {
  return run_command({"/bin/sh", "-c", script}, timeout, max_output);
}

std::size_t open_descriptors() {
  std::size_t count = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) ++count;
  return count;
}

// Gone, or a zombie waiting for init: either way no longer running.
bool stopped(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string pid_field, name, state;
  if (!(stat >> pid_field >> name >> state)) return true;
  return state == "Z" || state == "X";
}

}  // namespace

TEST_CASE("run_command: returns standard output of a program that succeeds") {
  auto output = run_command({"/bin/echo", "hello", "world"}, 5s, kCap);
  REQUIRE(output);
  CHECK(*output == "hello world\n");
}

TEST_CASE("run_command: gives the program no standard input") {
  auto output = shell("cat; echo done");
  REQUIRE(output);
  CHECK(*output == "done\n");
}

TEST_CASE("run_command: a non-zero exit is an error that quotes the first line of standard error") {
  auto output = shell("echo partial; echo '  first problem  ' >&2; echo second problem >&2; exit 3");
  REQUIRE_FALSE(output);
  CHECK(output.error().kind == ErrorKind::io);
  CHECK(output.error().path == "/bin/sh -c echo partial; echo '  first problem  ' >&2; echo second problem >&2; exit 3");
  CHECK(output.error().reason == "exited with status 3: first problem");
}

TEST_CASE("run_command: a non-zero exit without standard error says only the status") {
  auto output = shell("exit 7");
  REQUIRE_FALSE(output);
  CHECK(output.error().reason == "exited with status 7");
}

TEST_CASE("run_command: a program killed by a signal is an error") {
  auto output = shell("kill -TERM $$");
  REQUIRE_FALSE(output);
  CHECK(output.error().reason == "was killed by signal " + std::to_string(SIGTERM));
}

TEST_CASE("run_command: a program that runs too long is killed with its process group") {
  TempDir dir;
  const std::string pid_file = (dir.path() / "child.pid").string();
  const auto start = std::chrono::steady_clock::now();
  // The background sleep holds the output pipe open too: only killing the group ends it.
  auto output = shell("sleep 30 & echo $! > " + pid_file + "; wait", 300ms);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  REQUIRE_FALSE(output);
  CHECK(output.error().reason == "did not finish within 300 ms; it and its process group were killed");
  CHECK(elapsed < 2s);

  std::ifstream file(pid_file);
  pid_t child = 0;
  file >> child;
  REQUIRE(child > 0);
  bool child_stopped = false;
  for (int attempt = 0; attempt < 100 && !child_stopped; ++attempt) {
    child_stopped = stopped(child);
    if (!child_stopped) std::this_thread::sleep_for(20ms);
  }
  CHECK(child_stopped);
}

TEST_CASE("run_command: a program that writes more than the limit is killed") {
  auto output = shell("while :; do echo yes; done", 5s, 4096);
  REQUIRE_FALSE(output);
  CHECK(output.error().reason == "wrote more than 4096 bytes to standard output; it was killed");
}

TEST_CASE("run_command: output of exactly the limit is accepted") {
  auto output = shell("printf 12345", 5s, 5);
  REQUIRE(output);
  CHECK(*output == "12345");
}

TEST_CASE("run_command: a program that does not exist cannot start") {
  auto output = run_command({"/nonexistent/nwaudit-program", "-v"}, 5s, kCap);
  REQUIRE_FALSE(output);
  CHECK(output.error().kind == ErrorKind::io);
  CHECK(output.error().path == "/nonexistent/nwaudit-program -v");
  CHECK(output.error().reason.starts_with("cannot start: "));
}

TEST_CASE("run_command: a program must be named by an absolute path") {
  auto output = run_command({"sh", "-c", "true"}, 5s, kCap);
  REQUIRE_FALSE(output);
  CHECK(output.error().reason == "the program is not named by an absolute path");
  CHECK_FALSE(run_command({}, 5s, kCap));
}

TEST_CASE("run_command: leaves no descriptor open and no child behind") {
  if (!std::filesystem::exists("/proc/self/fd")) return;
  const std::size_t before = open_descriptors();
  CHECK(shell("echo out; echo err >&2"));
  CHECK_FALSE(shell("exit 1"));
  CHECK_FALSE(shell("sleep 5", 100ms));
  CHECK_FALSE(shell("while :; do echo yes; done", 5s, 100));
  CHECK_FALSE(run_command({"/nonexistent/nwaudit-program"}, 5s, kCap));
  CHECK(open_descriptors() == before);
  CHECK(::waitpid(-1, nullptr, WNOHANG) == -1);
  CHECK(errno == ECHILD);
}
