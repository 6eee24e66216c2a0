// macOS only: connections opened through Network.framework's C API (<Network/Network.h>), the
// way an app opens them. Compiled as C++ with Apple clang's blocks. Outside Objective-C,
// OS_OBJECT_USE_OBJC is 0 (<os/object.h>): network and dispatch objects are plain pointers,
// managed with nw_retain/nw_release and dispatch_release, and blocks do not retain them.
#include <Network/Network.h>
#include <dispatch/dispatch.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "nwaudit/live/system_probe.h"

namespace nwaudit {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::chrono::seconds kCloseWait{2};

std::string describe(nw_error_t error) {
  if (error == nullptr) return "an error without details";
  const int code = nw_error_get_error_code(error);
  switch (nw_error_get_error_domain(error)) {
    case nw_error_domain_posix: return std::string(std::strerror(code)) + " (POSIX error " + std::to_string(code) + ")";
    case nw_error_domain_dns: return "DNS error " + std::to_string(code);
    case nw_error_domain_tls: return "TLS error " + std::to_string(code);
    default: return "error " + std::to_string(code);
  }
}

// What the handlers see and report. They run on `queue` and may run after close_all() has
// returned, so each holds this by shared_ptr and touches nothing else.
struct Shared {
  enum class Phase { pending, ready, failed };

  explicit Shared(std::size_t clients) : phases(clients, Phase::pending) {}
  ~Shared() {
    if (queue != nullptr) dispatch_release(queue);
  }
  Shared(const Shared&) = delete;
  Shared& operator=(const Shared&) = delete;

  dispatch_queue_t queue = dispatch_queue_create("nwaudit.probe", DISPATCH_QUEUE_SERIAL);

  // Only on the queue: connections the listener accepted (retained), and whether closing began.
  std::vector<nw_connection_t> accepted;
  bool closing = false;

  // Shared with the waiting thread.
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<Phase> phases;  // of the connections open() made, by index
  std::vector<std::string> errors;
  std::optional<bool> listener_ready;  // set when the listener is ready (true) or failed (false)
  std::size_t cancelled = 0;           // connections and listener that reached their cancelled state

  void note(std::string text) {
    if (std::find(errors.begin(), errors.end(), text) == errors.end()) errors.push_back(std::move(text));
  }

  void connection_changed(std::optional<std::size_t> client, nw_connection_state_t state, nw_error_t error) {
    {
      std::lock_guard lock(mutex);
      switch (state) {
        case nw_connection_state_ready:
          if (client) phases[*client] = Phase::ready;
          break;
        case nw_connection_state_failed:
          if (client) phases[*client] = Phase::failed;
          note(describe(error));
          break;
        case nw_connection_state_waiting: note(describe(error)); break;  // not ready, and it may never be
        case nw_connection_state_cancelled: ++cancelled; break;
        default: return;
      }
    }
    changed.notify_all();
  }

  void listener_changed(nw_listener_state_t state, nw_error_t error) {
    {
      std::lock_guard lock(mutex);
      switch (state) {
        case nw_listener_state_ready: listener_ready = true; break;
        case nw_listener_state_failed:
          listener_ready = false;
          note(describe(error));
          break;
        case nw_listener_state_waiting: note(describe(error)); break;
        case nw_listener_state_cancelled: ++cancelled; break;
        default: return;
      }
    }
    changed.notify_all();
  }
};

// The connection's state handler. The block is copied by Network.framework; its copy of
// `shared` keeps the state alive for as long as the connection may call it.
void watch(nw_connection_t connection, std::shared_ptr<Shared> shared, std::optional<std::size_t> client) {
  nw_connection_set_state_changed_handler(connection, ^(nw_connection_state_t state, nw_error_t error) {
    shared->connection_changed(client, state, error);
  });
}

// A connection the listener accepted: kept open like a server would, until close_all(). Runs on
// the queue; the connection is not retained for us by the caller.
void keep_accepted(std::shared_ptr<Shared> shared, nw_connection_t connection) {
  if (shared->closing) {
    nw_connection_cancel(connection);
    return;
  }
  nw_retain(connection);
  shared->accepted.push_back(connection);
  nw_connection_set_queue(connection, shared->queue);
  watch(connection, shared, std::nullopt);
  nw_connection_start(connection);
}

Error probe_error(std::string subject, std::string reason) {
  return Error{ErrorKind::io, std::move(subject), {}, std::move(reason)};
}

nw_parameters_t tcp_parameters() {
  return nw_parameters_create_secure_tcp(NW_PARAMETERS_DISABLE_PROTOCOL, NW_PARAMETERS_DEFAULT_CONFIGURATION);
}

class NetworkFrameworkOpener final : public ConnectionOpener {
 public:
  NetworkFrameworkOpener() = default;
  NetworkFrameworkOpener(const NetworkFrameworkOpener&) = delete;
  NetworkFrameworkOpener& operator=(const NetworkFrameworkOpener&) = delete;
  ~NetworkFrameworkOpener() override { close_all(); }

  Expected<ConnectionOutcome> open(const std::optional<ProbeEndpoint>& target, std::size_t count,
                                   std::chrono::milliseconds timeout) override {
    close_all();
    const Clock::time_point deadline = Clock::now() + timeout;
    shared_ = std::make_shared<Shared>(count);
    std::string host = "127.0.0.1";
    std::string port;
    if (target) {
      host = target->host;
      port = std::to_string(target->port);
    } else {
      auto listening = listen(deadline);
      if (!listening) return std::move(listening).error();
      port = std::to_string(*listening);
    }
    if (auto started = connect(host, port, count); !started) return std::move(started).error();

    std::unique_lock lock(shared_->mutex);
    const auto& phases = shared_->phases;
    shared_->changed.wait_until(lock, deadline, [&] {
      return std::find(phases.begin(), phases.end(), Shared::Phase::pending) == phases.end();
    });
    ConnectionOutcome outcome;
    outcome.requested = count;
    outcome.ready = static_cast<std::size_t>(std::count(phases.begin(), phases.end(), Shared::Phase::ready));
    outcome.failed = static_cast<std::size_t>(std::count(phases.begin(), phases.end(), Shared::Phase::failed));
    outcome.timed_out = count - outcome.ready - outcome.failed;
    outcome.errors = shared_->errors;
    return outcome;
  }

  void close_all() override {
    if (!shared_) return;
    std::shared_ptr<Shared> shared = std::move(shared_);
    std::vector<nw_connection_t> connections = std::move(clients_);
    nw_listener_t listener = std::exchange(listener_, nullptr);

    // Cancelled on the queue, so that no keep_accepted() runs in between or keeps one after.
    std::vector<nw_connection_t>* all = &connections;
    dispatch_sync(shared->queue, ^{
      shared->closing = true;
      all->insert(all->end(), shared->accepted.begin(), shared->accepted.end());
      shared->accepted.clear();
      for (nw_connection_t connection : *all) nw_connection_cancel(connection);
      if (listener != nullptr) nw_listener_cancel(listener);
    });

    const std::size_t expected = connections.size() + (listener != nullptr ? 1 : 0);
    {
      std::unique_lock lock(shared->mutex);
      shared->changed.wait_for(lock, kCloseWait, [&] { return shared->cancelled >= expected; });
    }
    for (nw_connection_t connection : connections) nw_release(connection);
    if (listener != nullptr) nw_release(listener);
  }

 private:
  // Starts a TCP listener on 127.0.0.1, on a port the system picks; that port once it is ready.
  Expected<std::uint16_t> listen(Clock::time_point deadline) {
    const std::string subject = "loopback listener";
    nw_parameters_t parameters = tcp_parameters();
    if (parameters == nullptr) return probe_error(subject, "nw_parameters_create_secure_tcp failed");
    nw_endpoint_t local = nw_endpoint_create_host("127.0.0.1", "0");
    if (local != nullptr) {
      nw_parameters_set_local_endpoint(parameters, local);
      nw_release(local);
    }
    listener_ = nw_listener_create(parameters);
    nw_release(parameters);
    if (listener_ == nullptr) return probe_error(subject, "nw_listener_create failed");

    std::shared_ptr<Shared> shared = shared_;
    nw_listener_set_queue(listener_, shared->queue);
    nw_listener_set_state_changed_handler(listener_, ^(nw_listener_state_t state, nw_error_t error) {
      shared->listener_changed(state, error);
    });
    nw_listener_set_new_connection_handler(listener_, ^(nw_connection_t connection) {
      keep_accepted(shared, connection);
    });
    nw_listener_start(listener_);

    {
      std::unique_lock lock(shared->mutex);
      shared->changed.wait_until(lock, deadline, [&] { return shared->listener_ready.has_value(); });
      if (shared->listener_ready != true) {
        std::string reason = shared->listener_ready ? "failed" : "was not ready in time";
        if (!shared->errors.empty()) reason += ": " + shared->errors.back();
        return probe_error(subject, reason);
      }
    }
    std::uint16_t port = 0;
    std::uint16_t* port_out = &port;
    nw_listener_t listener = listener_;
    dispatch_sync(shared->queue, ^{ *port_out = nw_listener_get_port(listener); });
    if (port == 0) return probe_error(subject, "ready, but without a port");
    return port;
  }

  // Starts `count` connections to host:port; an Error when none can be made.
  Expected<void> connect(const std::string& host, const std::string& port, std::size_t count) {
    const std::string subject = host + ":" + port;
    nw_endpoint_t endpoint = nw_endpoint_create_host(host.c_str(), port.c_str());
    if (endpoint == nullptr) return probe_error(subject, "not a host and port Network.framework accepts");
    nw_parameters_t parameters = tcp_parameters();
    if (parameters == nullptr) {
      nw_release(endpoint);
      return probe_error(subject, "nw_parameters_create_secure_tcp failed");
    }
    for (std::size_t index = 0; index < count; ++index) {
      nw_connection_t connection = nw_connection_create(endpoint, parameters);
      if (connection == nullptr) {
        std::lock_guard lock(shared_->mutex);
        shared_->phases[index] = Shared::Phase::failed;
        shared_->note("nw_connection_create failed");
        continue;
      }
      clients_.push_back(connection);
      nw_connection_set_queue(connection, shared_->queue);
      watch(connection, shared_, index);
      nw_connection_start(connection);
    }
    nw_release(parameters);
    nw_release(endpoint);
    return {};
  }

  std::shared_ptr<Shared> shared_;
  nw_listener_t listener_ = nullptr;
  std::vector<nw_connection_t> clients_;  // retained
};

}  // namespace

std::unique_ptr<ConnectionOpener> make_system_connection_opener() {
  return std::make_unique<NetworkFrameworkOpener>();
}

}  // namespace nwaudit
