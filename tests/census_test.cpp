#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <vector>

#include "nwaudit/live/system_probe.h"

using namespace nwaudit;

namespace {

// A TCP listener on 127.0.0.1 at a port the kernel picks.
struct LoopbackListener {
  int fd = -1;
  sockaddr_in address{};
  LoopbackListener() {
    fd = ::socket(AF_INET, SOCK_STREAM, 0);
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    REQUIRE(::listen(fd, 64) == 0);
    REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
  }
  ~LoopbackListener() { ::close(fd); }
  LoopbackListener(const LoopbackListener&) = delete;
  LoopbackListener& operator=(const LoopbackListener&) = delete;
};

}  // namespace

#if defined(__linux__) || defined(__APPLE__)

TEST_CASE("census: N connections to a local listener are exactly N more TCP sockets") {
  auto reader = make_system_census_reader();
  REQUIRE(reader);
  LoopbackListener listener;
  const auto before = reader->take(::getpid());
  REQUIRE(before);
  constexpr int kConnections = 7;
  std::vector<int> clients;
  for (int i = 0; i < kConnections; ++i) {
    const int client = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(::connect(client, reinterpret_cast<const sockaddr*>(&listener.address), sizeof listener.address) == 0);
    clients.push_back(client);
  }
  // Linux lists a UDP socket in /proc/net/udp once it has a local address; one in use always has.
  const int datagram = ::socket(AF_INET, SOCK_DGRAM, 0);
  sockaddr_in any_port = listener.address;
  any_port.sin_port = 0;
  REQUIRE(::bind(datagram, reinterpret_cast<const sockaddr*>(&any_port), sizeof any_port) == 0);
  const auto after = reader->take(::getpid());
  REQUIRE(after);
  CHECK(after->tcp == before->tcp + kConnections);
  CHECK(after->udp == before->udp + 1);
  CHECK(after->total == before->total + kConnections + 1);
  CHECK(after->files == before->files);
  for (int client : clients) ::close(client);
  ::close(datagram);
  const auto closed = reader->take(::getpid());
  REQUIRE(closed);
  CHECK(closed->tcp == before->tcp);
  CHECK(closed->total == before->total);
}

TEST_CASE("census: kinds add up to the total, and the limits are this process's own") {
  auto reader = make_system_census_reader();
  REQUIRE(reader);
  int pipe_ends[2];
  REQUIRE(::pipe(pipe_ends) == 0);
  const auto census = reader->take(::getpid());
  REQUIRE(census);
  CHECK(census->other >= 2);
  CHECK(census->tcp + census->udp + census->other_sockets + census->npolicy + census->channels + census->files +
            census->other == census->total);
  ::close(pipe_ends[0]);
  ::close(pipe_ends[1]);
  const auto limits = reader->limits(::getpid());
  REQUIRE(limits);
  rlimit own{};
  REQUIRE(::getrlimit(RLIMIT_NOFILE, &own) == 0);
  if (own.rlim_cur != RLIM_INFINITY) CHECK(limits->soft == own.rlim_cur);
}

TEST_CASE("census: a process that does not exist is not_found") {
  auto reader = make_system_census_reader();
  REQUIRE(reader);
  const auto census = reader->take(0x3fffffff);
  REQUIRE(!census);
  CHECK(census.error().kind == ErrorKind::not_found);
}

#endif
