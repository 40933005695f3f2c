// parley/server/http/http_server.h — `parley serve`: the API (api.h) on a socket, until SIGTERM.
//
// Contract: Serve() opens the workspace (one connection per worker thread plus one for the
// access log), listens on host:port (HTTPS when a certificate and key are given; cookies are
// then marked Secure), calls `on_ready` with the bound port, and blocks. SIGTERM or SIGINT
// stops it gracefully: connections still waiting for a request head are closed, those with a
// request reach a worker (waiting at most 10 s),
// then the listening socket closes, requests in flight finish, keep-alive
// connections end after their current request, the access log is written out and the store
// connections close; Serve() then returns success (exit status 0).
//
// Connections are held by parley until their request head is there (guarded_server.h): slow
// and idle clients do not hold worker threads.
//
// Why cpp-httplib: a Debian package, blocking thread-per-connection I/O that matches SQLite's
// blocking calls, and TLS through OpenSSL; the API does not depend on it (api_types.h).
//
//   ServeOptions o{.host = "127.0.0.1", .port = 8080, .workspace = "parley-data"};
//   PARLEY_TRY(Serve(o));
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>

#include "core/error.h"
#include "server/http/connection_limits.h"

namespace parley::server {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0 = any free port (on_ready says which)
  std::string tls_cert;
  std::string tls_key;
  std::filesystem::path workspace;
  std::size_t threads = 16;
  // Slow and idle clients: head deadline and size, connections per address (docs/server.md).
  ConnectionLimits limits;
  std::function<void(int port)> on_ready;
};

// "127.0.0.1:8080" → host and port; kInvalidInput otherwise.
[[nodiscard]] Result<void> ParseListen(std::string_view text, std::string& host, int& port);

[[nodiscard]] Result<void> Serve(const ServeOptions& options);

}  // namespace parley::server
