// `parley serve [--listen HOST:PORT] [--tls-cert C --tls-key K]`: the HTTP API over the
// workspace, until SIGTERM or SIGINT. The upload policy handed to the server is the CLI's own
// (import_flow.h), so an upload and `parley import` accept and refuse exactly the same files.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/import_flow.h"
#include "server/http_server.h"

namespace parley::cli {
namespace {

struct ServeFlags {
  std::string listen = "127.0.0.1:8080";
  std::string tls_cert;
  std::string tls_key;
  std::size_t threads = 16;
};

Result<nlohmann::json> ImportUpload(store::Workspace& ws, const server::ListUpload& upload,
                                    std::vector<Error>& rejects) {
  ImportFileRequest req{upload.file, upload.list,         upload.kind, upload.side,
                        {},          upload.skip_invalid, upload.actor};
  req.read.encoding = upload.encoding;
  ListFile rejected;
  auto report = ImportListFile(ws, req, &rejected, "upload:" + upload.display_name);
  if (!report) {
    for (const auto& r : rejected.rejects) rejects.push_back(r.error);
    return std::unexpected(report.error());
  }
  for (const auto& r : report->file.rejects) rejects.push_back(r.error);
  nlohmann::json rows = nlohmann::json::array();
  for (const Error& e : rejects) {
    rows.push_back({{"row", e.where.row}, {"field", e.where.field}, {"message", e.message}});
  }
  const store::ImportOutcome& out = report->outcome;
  return nlohmann::json{{"list", upload.list},
                        {"version", out.version},
                        {"unchanged", out.unchanged},
                        {"encoding", report->file.encoding},
                        {"name_order", report->file.name_order},
                        {"records", report->record_count},
                        {"rejected", report->file.rejects.size()},
                        {"rejects", rows},
                        {"added", out.added},
                        {"changed", out.changed},
                        {"kept", out.kept},
                        {"removed", out.removed}};
}

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
  o.importer = ImportUpload;
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
  AddWorkspaceOption(*cmd, ctx);
  cmd->callback([&ctx, f] { RunServe(ctx, *f); });
}

}  // namespace parley::cli
