// `parley import FILE --list NAME --kind KIND --side SIDE`: a list file into the workspace.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/workspace_open.h"
#include "intake/import_flow.h"
#include "intake/import_report.h"
#include "lists/list_name.h"

namespace parley::cli {
namespace {

using intake::ImportFileReport;
using intake::ImportFileRequest;

struct ImportOptions {
  std::string file;
  std::string list;
  std::string kind;
  std::string side;
  std::vector<std::string> maps;
  std::string encoding;
  std::string name_order;
  bool skip_invalid = false;
  std::string actor;
  std::string key;
  std::string passphrase_file;
};

constexpr std::size_t kRejectsShown = 50;

Result<ImportFileRequest> MakeRequest(const ImportOptions& o) {
  auto list = CheckListName(o.list);
  if (!list) {
    Error e = list.error();
    e.where.field = "--list";
    return std::unexpected(e);
  }
  auto kind = ParseListKind(o.kind);
  if (!kind) return std::unexpected(kind.error());
  ImportFileRequest req{
      o.file, *list, *kind, o.side, {}, o.skip_invalid, o.actor.empty() ? CurrentActor() : o.actor};
  req.read.encoding = o.encoding;
  req.read.name_order = o.name_order;
  for (const auto& m : o.maps) {
    size_t eq = m.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == m.size()) {
      return Fail(ErrorCode::kInvalidInput,
                  "--map '" + m + "' is not COLUMN=CANONICAL (for example \"ПІБ=full_name\")",
                  {"", 0, 0, "--map"});
    }
    req.read.column_map.emplace_back(m.substr(0, eq), m.substr(eq + 1));
  }
  return req;
}

void ReportRejects(const ListFile& list) {
  std::size_t shown = 0;
  for (const auto& r : list.rejects) {
    if (shown++ == kRejectsShown) {
      std::cerr << "  ... and " << list.rejects.size() - kRejectsShown << " more bad rows\n";
      break;
    }
    std::cerr << "  " << r.error.Describe() << "\n";
  }
}

void PrintReport(const CliContext& ctx, const ImportFileRequest& req, const ImportFileReport& r) {
  const store::ImportOutcome& out = r.outcome;
  if (ctx.json) {
    std::cout << intake::ImportReportJson(r, intake::ImportReportReader::kCommandLine).dump(2)
              << "\n";
    return;
  }
  std::cout << "read " << req.file.string() << ": " << r.record_count << " records, encoding "
            << r.file.encoding << ", names " << r.file.name_order << "\n";
  if (r.file.rows_with_names_moved > 0) {
    std::cout << r.file.rows_with_names_moved
              << " rows had names in other columns than their own (a whole name in the surname "
                 "cell, or given name and surname swapped) and were read by their words\n";
  }
  if (!r.rejects_file.empty()) {
    std::cout << "skipped " << r.file.rejects.size() << " invalid rows; they are in "
              << r.rejects_file
              << (store::IsSealedWorkspace(ctx.workspace)
                      ? " (plain text beside the input file, not sealed like the workspace: "
                        "delete it once the rows are fixed)"
                      : "")
              << "\n";
  }
  if (out.unchanged) {
    std::cout << "list " << req.list << " is unchanged (still version " << out.version
              << "); nothing was written\n";
  } else {
    std::cout << "list " << req.list << " version " << out.version << ": " << out.added
              << " added, " << out.changed << " changed, " << out.kept << " unchanged, "
              << out.removed << " removed\n";
  }
}

void RunImport(CliContext& ctx, const ImportOptions& o) {
  auto req = MakeRequest(o);
  if (!req) {
    ReportError(req.error(), ctx);
    return;
  }
  auto key = LoadActorKey(o.key, o.passphrase_file);
  if (!key) {
    ReportError(key.error(), ctx);
    return;
  }
  if (*key) req->actor_key = &**key;
  auto ws = OpenWorkspace(ctx);
  if (!ws) return;
  ListFile rejected;
  auto report = intake::ImportListFile(*ws, *req, &rejected);
  if (!report) {
    ReportError(report.error(), ctx);
    ReportRejects(rejected);
    return;
  }
  PrintReport(ctx, *req, *report);
}

}  // namespace

void RegisterImportCommand(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<ImportOptions>();
  auto* cmd = app.add_subcommand(
      "import", "Import a list file (CSV or XLSX; UTF-8, UTF-16 or Windows-1251) as a new version");
  cmd->add_option("FILE", o->file, "The list file")->required()->check(CLI::ExistingFile);
  cmd->add_option("--list", o->list,
                  "The list's name in the workspace, e.g. ua-request: 1-64 letters, digits, "
                  "'-', '_' or '.'")
      ->required();
  cmd->add_option("--kind", o->kind, "custody | request | offer | mediator | remains")->required();
  cmd->add_option("--side", o->side, "Whose list it is, e.g. ua, ru, mediator")->required();
  cmd->add_option("--map", o->maps, "Map a column: \"ПІБ=full_name\" (repeatable)");
  cmd->add_option("--encoding", o->encoding,
                  "Force an encoding (utf-8, utf-16le, utf-16be, windows-1251); default: detect");
  cmd->add_option("--name-order", o->name_order,
                  "Word order of a full-name column: surname-first | given-first (default: "
                  "detected from the file; a row that marks its parts with a comma, capitals or "
                  "initials is read by them)")
      ->check(CLI::IsMember({"surname-first", "given-first"}));
  cmd->add_flag("--skip-invalid", o->skip_invalid,
                "Import the valid rows; write the rejects to FILE.rejects.csv");
  cmd->add_option("--actor", o->actor, "Who is importing (default: $PARLEY_USER or $USER)");
  cmd->add_option("--key", o->key,
                  "Sign the ledger event with this private key file (default: $PARLEY_KEY; "
                  "without one, the workspace's node key vouches for the actor)");
  cmd->add_option("--passphrase-file", o->passphrase_file,
                  "Passphrase of an encrypted --key, on this file's first line (default: "
                  "$PARLEY_PASSPHRASE, else asked on the terminal)");
  AddWorkspaceOption(*cmd, ctx);
  AddJsonOption(*cmd, ctx);
  cmd->callback([&ctx, o] { RunImport(ctx, *o); });
}

}  // namespace parley::cli
