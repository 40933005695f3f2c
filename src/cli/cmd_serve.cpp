// `parley serve [--listen HOST:PORT] [--tls-cert C --tls-key K]`: the HTTP API over the
// workspace, until SIGTERM or SIGINT. Only flags are parsed here: the server imports uploads
// through intake/import_flow.h itself, the same policy as `parley import`.
#include <chrono>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "server/http/http_server.h"

namespace parley::cli {
namespace {

struct ServeFlags {
  std::string listen = "127.0.0.1:8080";
  std::string tls_cert;
  std::string tls_key;
  std::size_t threads = 16;
  double header_timeout = 10;
  std::size_t max_connections_per_address = 64;
};

void RunServe(CliContext& ctx, const ServeFlags& f) {
  server::ServeOptions o;
  if (auto r = server::ParseListen(f.listen, o.host, o.port); !r) {
    ReportError(r.error(), ctx);
    return;
  }
  o.tls_cert = f.tls_cert;
  o.tls_key = f.tls_key;
  o.workspace = ctx.workspace;
  o.threads = f.threads;
  o.limits.header_timeout =
      std::chrono::milliseconds(static_cast<long long>(f.header_timeout * 1000));
  o.limits.max_connections_per_address = f.max_connections_per_address;
  bool tls = !f.tls_cert.empty();
  o.on_ready = [&](int port) {
    std::cout << "parley serve: listening on " << (tls ? "https://" : "http://") << o.host << ":"
              << port << "/api/v1 (workspace " << ctx.workspace << ")" << std::endl;
  };
  if (auto r = server::Serve(o); !r) {
    ReportError(r.error(), ctx);
    return;
  }
  std::cout << "parley serve: stopped cleanly" << std::endl;
}

}  // namespace

void RegisterServeCommand(CLI::App& app, CliContext& ctx) {
  auto f = std::make_shared<ServeFlags>();
  auto* cmd = app.add_subcommand("serve", "Serve the JSON API (/api/v1) over this workspace");
  cmd->add_option("--listen", f->listen, "HOST:PORT to listen on (port 0: any free port)")
      ->capture_default_str();
  cmd->add_option("--tls-cert", f->tls_cert, "PEM certificate: serve HTTPS")
      ->check(CLI::ExistingFile);
  cmd->add_option("--tls-key", f->tls_key, "PEM private key of --tls-cert")
      ->check(CLI::ExistingFile);
  cmd->add_option("--threads", f->threads, "Worker threads (and store connections)")
      ->capture_default_str();
  cmd->add_option("--header-timeout", f->header_timeout,
                  "Seconds a client has to send a request's whole head (line and headers)")
      ->check(CLI::Range(0.1, 3600.0))
      ->capture_default_str();
  cmd->add_option("--max-connections-per-address", f->max_connections_per_address,
                  "Connections one client address may hold at once (0: no cap, e.g. behind "
                  "a reverse proxy that caps its clients itself)")
      ->capture_default_str();
  AddWorkspaceOption(*cmd, ctx);
  cmd->callback([&ctx, f] { RunServe(ctx, *f); });
}

}  // namespace parley::cli
