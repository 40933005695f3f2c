// parley/server/http/guarded_server.h — httplib's server, with parley owning each connection
// until a complete request head is there.
//
// Contract: Create() makes an httplib::Server (an httplib::SSLServer when a certificate and key
// are given) whose routes, handlers and listening the caller sets up as usual, but whose
// accepted connections go through parley first: over the per-address cap → 429 and closed;
// otherwise held in the waiting room (waiting_room.h) until the head has arrived within the
// limits (connection_limits.h), then served by a worker thread of `threads`, which calls
// httplib's own request parsing and routing. Between requests a keep-alive connection goes back
// to the waiting room. CloseIdleConnections() starts a graceful stop: connections waiting for
// a head are closed, those with a request go on; then httplib's stop() as usual.
//
// Why a layer of our own around cpp-httplib 0.11: Debian builds it as a shared library, so its
// CPPHTTPLIB_* limits (header line 8 KiB, no bound on the number of lines) are compiled in
// and cannot be changed by defining them here; its read timeout restarts with every byte read;
// and it gives each connection a worker thread from accept on. Its one extension point for
// connections is the virtual process_and_close_socket(), overridden here; requests are then
// handed to its protected process_request(), so everything after the head is httplib's.
//
//   auto guarded = GuardedServer::Create({.threads = 16, .limits = {}});
//   (*guarded)->http().Get(".*", handler);
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "core/error.h"
#include "server/http/connection_limits.h"

namespace httplib {
class Server;
}

namespace parley::server {

struct GuardedServerOptions {
  std::size_t threads = 16;
  ConnectionLimits limits;
  std::string tls_cert;  // both empty: plain HTTP
  std::string tls_key;
};

class GuardedServer {
 public:
  [[nodiscard]] static Result<std::unique_ptr<GuardedServer>> Create(
      const GuardedServerOptions& options);
  virtual ~GuardedServer() = default;

  [[nodiscard]] virtual httplib::Server& http() = 0;
  // Connections accepted and not yet picked up by a worker (see Serve's graceful stop).
  [[nodiscard]] virtual int QueuedConnections() const = 0;
  virtual void CloseIdleConnections() = 0;
};

}  // namespace parley::server
