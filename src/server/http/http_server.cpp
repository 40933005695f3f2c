#include "server/http/http_server.h"

#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <charconv>
#include <chrono>
#include <iostream>
#include <memory>
#include <thread>

#include "core/try.h"
#include "server/api.h"
#include "server/api_error.h"
#include "server/http/guarded_server.h"
#include "server/http/response_compression.h"
#include "server/web/web_ui.h"
#include "store/migrations.h"

// httplib.h is not warning-clean; it is found in a system include folder, so -Wall stays quiet.
#include <httplib.h>

namespace parley::server {
namespace {

ApiRequest ToApiRequest(const httplib::Request& in) {
  ApiRequest out;
  out.method = in.method;
  out.path = in.path;
  out.query.insert(in.params.begin(), in.params.end());
  for (const auto& [name, value] : in.headers) {
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    out.headers.emplace(std::move(lower), value);
  }
  out.body = in.body;
  for (const auto& [name, part] : in.files) {
    out.parts.emplace(name, UploadedPart{part.filename, part.content_type, part.content});
  }
  // Multipart bodies are parsed by httplib and do not appear in `body`; count them for limits.
  out.content_length = out.body.size();
  for (const auto& [name, part] : in.files) out.content_length += part.content.size();
  out.remote_addr = in.remote_addr;
  return out;
}

// httplib compresses after the handler by the request's Accept-Encoding, with Brotli at its
// slowest quality and over bodies already compressed (http/response_compression.h), so the
// handler compresses itself and removes the header httplib would read. The request is
// httplib's own non-const object, handed to handlers by const reference only.
void HideAcceptEncodingFromHttplib(const httplib::Request& req) {
  const_cast<httplib::Request&>(req).headers.erase("Accept-Encoding");
}

void FromApiResponse(const ApiResponse& in, httplib::Response& out) {
  out.status = in.status;
  for (const auto& [name, value] : in.headers) out.headers.emplace(name, value);
  // API answers are never cached; the UI's assets say how long they keep (web/web_ui.h).
  if (!out.has_header("Cache-Control")) out.set_header("Cache-Control", "no-store");
  out.set_header("X-Content-Type-Options", "nosniff");
  if (!in.body.empty() || in.status != 204) out.set_content(in.body, in.content_type);
}

constexpr std::chrono::seconds kDrainLimit{10};

// Blocks SIGTERM and SIGINT in this thread and in every thread it creates afterwards, so that
// only the waiter below receives them (a handler could not safely stop the server).
sigset_t BlockStopSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

// Each connection waiting for its request head holds a descriptor (waiting_room.h): the soft
// limit (often 1,024) would otherwise be what a flood of idle sockets exhausts first, while
// the hard limit the system allows is usually far higher.
void RaiseOpenFileLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

}  // namespace

Result<void> ParseListen(std::string_view text, std::string& host, int& port) {
  std::size_t colon = text.rfind(':');
  int n = -1;
  if (colon != std::string_view::npos) {
    auto digits = text.substr(colon + 1);
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec != std::errc() || ptr != digits.data() + digits.size()) n = -1;
  }
  if (colon == std::string_view::npos || colon == 0 || n < 0 || n > 65535) {
    return Fail(ErrorCode::kInvalidInput,
                "--listen '" + std::string(text) + "' is not HOST:PORT (e.g. 127.0.0.1:8080)",
                {"", 0, 0, "--listen"});
  }
  host = std::string(text.substr(0, colon));
  port = n;
  return {};
}

Result<void> Serve(const ServeOptions& o) {
  if (o.tls_cert.empty() != o.tls_key.empty()) {
    return Fail(ErrorCode::kInvalidInput, "--tls-cert and --tls-key go together",
                {"", 0, 0, "--tls-cert"});
  }
  sigset_t stop_signals = BlockStopSignals();
  RaiseOpenFileLimit();
  PARLEY_ASSIGN_OR_RETURN(auto pool, WorkspacePool::Open(o.workspace, o.threads));
  // The access log writes on a connection of its own, from its own thread.
  PARLEY_ASSIGN_OR_RETURN(store::Workspace log_ws, store::Workspace::Open(o.workspace));
  Api api(std::move(pool), std::move(log_ws), ApiOptions{!o.tls_cert.empty()});

  PARLEY_ASSIGN_OR_RETURN(auto guarded, GuardedServer::Create({.threads = o.threads,
                                                               .limits = o.limits,
                                                               .tls_cert = o.tls_cert,
                                                               .tls_key = o.tls_key}));
  httplib::Server* http = &guarded->http();
  http->set_payload_max_length(kMaxUploadBody + (1 << 20));  // + room for multipart framing
  // Timeouts are the guard's (o.limits, guarded_server.h): httplib's own set_read_timeout and
  // set_keep_alive_timeout do not apply to the connections the guard hands it.
  auto handler = [&api](const httplib::Request& req, httplib::Response& res) {
    ApiRequest request = ToApiRequest(req);
    HideAcceptEncodingFromHttplib(req);
    ApiResponse response = IsApiPath(request.path) ? api.Handle(request) : WebUiResponse(request);
    CompressForClient(request.Header("accept-encoding"), response);
    FromApiResponse(response, res);
  };
  // Paths under /api/ go to the API, which routes by the route table (the one list of
  // routes); every other path is the browser UI's (web/web_ui.h).
  http->Get(".*", handler);
  http->Post(".*", handler);
  http->Put(".*", handler);
  http->Patch(".*", handler);
  http->Delete(".*", handler);
  http->set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    ApiResponse r = res.status == 413
                        ? HttpError(413, "payload_too_large", "the request body is too large")
                        : HttpError(res.status, "bad_request", "bad HTTP request");
    res.set_content(r.body, r.content_type);
  });

  int port = o.port;
  if (port == 0) {
    port = http->bind_to_any_port(o.host);
  } else if (!http->bind_to_port(o.host, port)) {
    port = -1;
  }
  if (port < 0) {
    return Fail(ErrorCode::kIoError, "cannot listen on " + o.host + ":" + std::to_string(o.port) +
                                         " (in use, or not an address of this machine)");
  }
  std::atomic<bool> listen_ended{false};
  std::thread stopper([http, &guarded, &listen_ended, stop_signals] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    // Connections still waiting for a request head have sent no request to finish: close
    // them. Let every connection with a request reach a worker (bounded, in case clients keep
    // coming); stop() then lets the workers finish their current requests.
    guarded->CloseIdleConnections();
    auto deadline = std::chrono::steady_clock::now() + kDrainLimit;
    while (guarded->QueuedConnections() > 0 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    // httplib's stop() does nothing until its listen loop has begun (is_running()), and a
    // signal may come between on_ready and then: without this wait the server never stopped.
    while (!http->is_running() && !listen_ended) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    http->stop();
  });
  if (o.on_ready) o.on_ready(port);
  bool clean = http->listen_after_bind();  // returns once stop() ran and workers finished
  listen_ended = true;
  if (!clean) pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  api.Close();
  if (!clean) return Fail(ErrorCode::kIoError, "the server stopped on a socket error");
  return {};
}

}  // namespace parley::server
