// `parley export LIST[@VERSION] --format csv|xlsx|json --out FILE`.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/workspace_open.h"
#include "lists/list_file.h"

namespace parley::cli {
namespace {

struct ExportOptions {
  std::string ref;
  std::string format = "csv";
  std::string out;
};

void RunExport(CliContext& ctx, const ExportOptions& o) {
  auto ref = store::ParseListRef(o.ref);
  auto format = ref ? ParseListFormat(o.format) : Result<ListFormat>(std::unexpected(ref.error()));
  if (!format) {
    ReportError(format.error(), ctx);
    return;
  }
  auto ws = OpenWorkspace(ctx);
  if (!ws) return;
  auto stored = ws->Records(ref->list, ref->version);
  if (!stored) {
    ReportError(stored.error(), ctx);
    return;
  }
  std::vector<PersonRecord> records;
  records.reserve(stored->size());
  for (auto& s : *stored) records.push_back(std::move(s.record));
  if (auto w = WriteListFile(o.out, *format, records); !w) {
    ReportError(w.error(), ctx);
    return;
  }
  if (!ctx.json) std::cout << "wrote " << records.size() << " records to " << o.out << "\n";
}

}  // namespace

void RegisterExportCommand(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<ExportOptions>();
  auto* cmd = app.add_subcommand("export", "Write a list version as CSV, XLSX or JSON");
  cmd->add_option("LIST", o->ref, "LIST or LIST@VERSION (default: the latest)")->required();
  cmd->add_option("--format", o->format, "csv | xlsx | json (default csv)");
  cmd->add_option("--out", o->out, "The file to write")->required();
  AddWorkspaceOption(*cmd, ctx);
  cmd->callback([&ctx, o] { RunExport(ctx, *o); });
}

}  // namespace parley::cli
