#include "server/http/guarded_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <mutex>
#include <type_traits>

#include "server/http/address_slots.h"
#include "server/http/connection.h"
#include "server/http/waiting_room.h"

// httplib.h is not warning-clean; it is found in a system include folder, so -Wall stays quiet.
#include <httplib.h>

namespace parley::server {
namespace {

using Clock = std::chrono::steady_clock;

// A socket address as text and port; `peer` picks the remote end, else the local one.
void SocketAddress(int fd, bool peer, std::string& ip, int& port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  int r = peer ? getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len)
               : getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ip.clear();
  port = 0;
  if (r != 0) return;
  char text[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    auto* a = reinterpret_cast<sockaddr_in*>(&addr);
    inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
    port = ntohs(a->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    auto* a = reinterpret_cast<sockaddr_in6*>(&addr);
    inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
    port = ntohs(a->sin6_port);
  }
  ip = text;
}

// httplib's view of a Connection: what it reads of a request head is checked against the
// head's deadline and size as it reads it (a head that arrived whole in the waiting room is
// not checked again); body reads and writes are bounded per call, as httplib's own were.
class GuardedStream final : public httplib::Stream {
 public:
  GuardedStream(Connection& connection, const ConnectionLimits& limits)
      : c_(connection), limits_(limits) {}

  [[nodiscard]] bool failed() const { return failed_; }

  bool is_readable() const override { return WaitReadable(Clock::now() + limits_.read_timeout); }
  bool is_writable() const override {
    pollfd p{c_.fd(), POLLOUT, 0};
    return !failed_ && poll(&p, 1, static_cast<int>(limits_.write_timeout.count())) > 0;
  }

  // Something to read by `deadline` (bytes already buffered count).
  bool WaitReadable(SteadyTime deadline) const {
    if (failed_) return false;
    if (c_.HasPending()) return true;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    pollfd p{c_.fd(), POLLIN, 0};
    return left.count() > 0 && poll(&p, 1, static_cast<int>(left.count())) > 0;
  }

  ssize_t read(char* ptr, size_t size) override {
    if (failed_) return -1;
    bool in_head = c_.head.state() != RequestHeadScanner::State::kComplete;
    if (c_.input().empty()) {
      SteadyTime limit = Clock::now() + limits_.read_timeout;
      if (in_head) limit = std::min(limit, c_.head_deadline);
      switch (c_.Receive(limit)) {
        case Connection::Io::kData:
          break;
        case Connection::Io::kClosed:
          return 0;
        case Connection::Io::kTimeout:
          if (in_head && c_.head.Started() && Clock::now() >= c_.head_deadline) {
            Fail(408, "request_timeout",
                 "the request's headers did not arrive in time; send the whole request at once");
          }
          failed_ = true;
          return -1;
        case Connection::Io::kFailed:
          failed_ = true;
          return -1;
      }
    }
    std::string_view available = c_.input().substr(0, size);
    if (in_head && c_.head.Feed(available) == RequestHeadScanner::State::kTooLarge) {
      Fail(431, "headers_too_large",
           "the request's headers are larger than the server accepts; send fewer or smaller "
           "headers (an oversized cookie? sign out and in again)");
      return -1;
    }
    std::memcpy(ptr, available.data(), available.size());
    c_.Consume(available.size());
    return static_cast<ssize_t>(available.size());
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (failed_ || !c_.Send({ptr, size}, Clock::now() + limits_.write_timeout)) {
      failed_ = true;
      return -1;
    }
    return static_cast<ssize_t>(size);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    SocketAddress(c_.fd(), true, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    SocketAddress(c_.fd(), false, ip, port);
  }
  socket_t socket() const override { return c_.fd(); }

 private:
  // Answers for httplib, which would say 400, and ends the connection: its own answer is then
  // written to a stream that refuses it.
  void Fail(int status, std::string_view code, std::string_view message) {
    c_.Refuse(status, code, message);
    failed_ = true;
  }

  Connection& c_;
  const ConnectionLimits& limits_;
  bool failed_ = false;
};

// What the plain and TLS servers share: the limits, the address slots, the waiting room and
// the worker pool of the server's current listen().
class GuardedTaskQueue;

struct GuardState {
  explicit GuardState(const GuardedServerOptions& o)
      : limits(o.limits),
        threads(std::max<std::size_t>(o.threads, 2)),
        slots(o.limits.max_connections_per_address) {}

  ConnectionLimits limits;
  std::size_t threads;
  AddressSlots slots;
  std::atomic<int> queued{0};
  std::mutex queue_mutex;
  GuardedTaskQueue* queue = nullptr;  // the pool of the listen() running now, if any
  std::unique_ptr<WaitingRoom> room;
};

// httplib's task queue. httplib's listen loop enqueues each accepted socket; that job (our
// process_and_close_socket) only checks the address cap and admits the socket to the waiting
// room, so it runs at once on the listening thread instead of waiting for a free worker behind
// requests being served. Requests go to the pool through Serve(), counting the jobs not yet
// picked up by a worker: httplib's stop() would close such connections unanswered, so a
// graceful stop first waits for the count to reach zero (http_server.cpp). shutdown() first
// empties the waiting room, so that no connection is handed to the pool once it stops.
class GuardedTaskQueue : public httplib::TaskQueue {
 public:
  explicit GuardedTaskQueue(GuardState& state) : pool_(state.threads), state_(state) {}
  void enqueue(std::function<void()> accepted) override { accepted(); }
  void Serve(std::function<void()> fn) {
    ++state_.queued;
    pool_.enqueue([this, fn = std::move(fn)] {
      --state_.queued;
      fn();
    });
  }
  void shutdown() override {
    state_.room->Stop();
    {
      std::lock_guard lock(state_.queue_mutex);
      state_.queue = nullptr;
    }
    pool_.shutdown();
  }

 private:
  httplib::ThreadPool pool_;
  GuardState& state_;
};

template <class Base>
class Guarded final : public Base, public GuardedServer {
 public:
  static constexpr bool kTls = std::is_base_of_v<httplib::SSLServer, Base>;

  template <class... Args>
  explicit Guarded(const GuardedServerOptions& options, Args&&... args)
      : Base(std::forward<Args>(args)...), state_(options) {
    state_.room = std::make_unique<WaitingRoom>(
        [this](std::shared_ptr<Connection> c) { Dispatch(std::move(c)); });
    this->new_task_queue = [this] {
      auto* queue = new GuardedTaskQueue(state_);
      std::lock_guard lock(state_.queue_mutex);
      state_.queue = queue;
      return queue;
    };
  }
  ~Guarded() override { state_.room->Stop(); }

  httplib::Server& http() override { return *this; }
  int QueuedConnections() const override { return state_.queued; }
  void CloseIdleConnections() override { state_.room->Stop(); }

 private:
  // Runs on the listening thread for each accepted socket (GuardedTaskQueue): only the
  // address cap is checked here; the connection then waits for its head off the workers.
  // Once the server is stopping, the waiting room is closed and the connection goes straight
  // to a worker, whose stream bounds its head the same way: it was accepted, so it is answered.
  bool process_and_close_socket(socket_t sock) override {
    std::string address;
    int port = 0;
    SocketAddress(sock, true, address, port);
    auto slot = state_.slots.TryAcquire(address);
    if (!slot) {
      if constexpr (!kTls) {
        std::string answer = RawErrorResponse(429, "rate_limited",
                                              "too many connections from your address (at most " +
                                                  std::to_string(state_.slots.per_address()) +
                                                  " at once); close idle ones and try again");
        (void)!send(sock, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
      }
      shutdown(sock, SHUT_RDWR);
      close(sock);
      return true;
    }
    // Accepted sockets may or may not inherit it from the listening socket; without it,
    // Nagle's algorithm and delayed ACKs add ~40 ms to small keep-alive responses.
    int one = 1;
    setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    ssl_ctx_st* tls = nullptr;
    if constexpr (kTls) tls = this->ssl_context();
    auto c = std::make_shared<Connection>(sock, std::move(*slot), address, tls,
                                          state_.limits.max_header_bytes);
    c->head_deadline = Clock::now() + state_.limits.header_timeout;
    if (!state_.room->Admit(c, c->head_deadline)) Dispatch(std::move(c));
    return true;
  }

  // From the waiting room's thread: a connection with a request to serve.
  void Dispatch(std::shared_ptr<Connection> c) {
    std::lock_guard lock(state_.queue_mutex);
    if (state_.queue == nullptr) return;  // stopping: `c` closes
    state_.queue->Serve([this, c] { ServeConnection(c); });
  }

  // On a worker: the connection's requests, one after another, while each head is already
  // buffered (pipelined); an idle keep-alive connection goes back to the waiting room. TLS
  // connections wait for their next request here instead (their session cannot be polled
  // from outside), bounded by the keep-alive timeout.
  void ServeConnection(std::shared_ptr<Connection> c) {
    const ConnectionLimits& limits = state_.limits;
    if (c->tls() && !c->Handshake(c->head_deadline)) return;
    GuardedStream stream(*c, limits);
    for (;;) {
      bool last = c->requests_served + 1 >= limits.max_requests_per_connection ||
                  this->svr_sock_ == INVALID_SOCKET;
      bool client_closed = false;
      bool ok = this->process_request(stream, last, client_closed, nullptr);
      ++c->requests_served;
      if (!ok || client_closed || last || stream.failed()) return;
      SteadyTime now = Clock::now();
      c->head.Reset();
      c->head_deadline = now + limits.header_timeout;
      if (c->HasPending()) continue;
      if (c->tls()) {
        if (!stream.WaitReadable(now + limits.keep_alive_timeout)) return;
        continue;
      }
      // A stopping server does not keep idle connections: `c` then closes here.
      (void)state_.room->Admit(c, now + limits.keep_alive_timeout);
      return;
    }
  }

  GuardState state_;
};

}  // namespace

Result<std::unique_ptr<GuardedServer>> GuardedServer::Create(const GuardedServerOptions& o) {
  if (o.tls_cert.empty() != o.tls_key.empty()) {
    return Fail(ErrorCode::kInvalidInput, "--tls-cert and --tls-key go together",
                {"", 0, 0, "--tls-cert"});
  }
  if (o.tls_cert.empty()) return std::make_unique<Guarded<httplib::Server>>(o);
  auto tls =
      std::make_unique<Guarded<httplib::SSLServer>>(o, o.tls_cert.c_str(), o.tls_key.c_str());
  if (!tls->is_valid()) {
    return Fail(ErrorCode::kInvalidInput,
                "cannot use the TLS certificate " + o.tls_cert + " and key " + o.tls_key +
                    " (both must be PEM files, the key the certificate's)",
                {"", 0, 0, "--tls-cert"});
  }
  return tls;
}

}  // namespace parley::server
