// `parley import FILE --list NAME --kind KIND --side SIDE`: a list file into the workspace.
//
// All or nothing: the file is read and every row validated before the store is touched; one
// bad row refuses the whole file (each bad row is reported with its row, column and reason)
// unless --skip-invalid, which imports the rest and writes the rejects beside the input.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/workspace_open.h"
#include "lists/list_file.h"

namespace parley::cli {
namespace {

struct ImportOptions {
  std::string file;
  std::string list;
  std::string kind;
  std::string side;
  std::vector<std::string> maps;
  std::string encoding;
  bool skip_invalid = false;
  std::string actor;
};

constexpr std::size_t kRejectsShown = 50;

Result<ListReadOptions> ReadOptions(const ImportOptions& o) {
  ListReadOptions read;
  read.encoding = o.encoding;
  for (const auto& m : o.maps) {
    size_t eq = m.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == m.size()) {
      return Fail(ErrorCode::kInvalidInput,
                  "--map '" + m + "' is not COLUMN=CANONICAL (for example \"ПІБ=full_name\")",
                  {"", 0, 0, "--map"});
    }
    read.column_map.emplace_back(m.substr(0, eq), m.substr(eq + 1));
  }
  return read;
}

std::filesystem::path RejectsPath(const std::filesystem::path& input) {
  std::filesystem::path out = input;
  out.replace_extension();
  out += ".rejects.csv";
  return out;
}

void ReportRejects(const ListFile& list) {
  std::size_t shown = 0;
  for (const auto& r : list.rejects) {
    if (shown++ == kRejectsShown) {
      std::cerr << "... and " << list.rejects.size() - kRejectsShown << " more bad rows\n";
      break;
    }
    std::cerr << "  " << r.error.Describe() << "\n";
  }
}

void PrintOutcome(const CliContext& ctx, const ImportOptions& o, const ListFile& list,
                  const store::ImportOutcome& out, const std::string& rejects_file) {
  if (ctx.json) {
    std::cout << nlohmann::json{{"list", o.list},
                                {"version", out.version},
                                {"unchanged", out.unchanged},
                                {"encoding", list.encoding},
                                {"name_order", list.name_order},
                                {"records", list.records.size()},
                                {"rejected", list.rejects.size()},
                                {"rejects_file", rejects_file},
                                {"added", out.added},
                                {"changed", out.changed},
                                {"kept", out.kept},
                                {"removed", out.removed}}
                     .dump(2)
              << "\n";
    return;
  }
  std::cout << "read " << o.file << ": " << list.records.size() << " records, encoding "
            << list.encoding << ", names " << list.name_order << "\n";
  if (!list.rejects.empty()) {
    std::cout << "skipped " << list.rejects.size() << " invalid rows; they are in " << rejects_file
              << "\n";
  }
  if (out.unchanged) {
    std::cout << "list " << o.list << " is unchanged (still version " << out.version
              << "); nothing was written\n";
  } else {
    std::cout << "list " << o.list << " version " << out.version << ": " << out.added << " added, "
              << out.changed << " changed, " << out.kept << " unchanged, " << out.removed
              << " removed\n";
  }
}

void RunImport(CliContext& ctx, const ImportOptions& o) {
  auto kind = ParseListKind(o.kind);
  auto read_options =
      kind ? ReadOptions(o) : Result<ListReadOptions>(std::unexpected(kind.error()));
  if (!read_options) {
    ReportError(read_options.error(), ctx);
    return;
  }
  auto ws = OpenWorkspace(ctx);
  if (!ws) return;
  auto list = ReadListFile(o.file, *read_options);
  if (!list) {
    ReportError(list.error(), ctx);
    return;
  }
  if (!list->rejects.empty() && !o.skip_invalid) {
    std::cerr << "parley: error: " << o.file << ": " << list->rejects.size()
              << " invalid row(s); nothing was imported. Fix them, or import the rest with "
                 "--skip-invalid:\n";
    ReportRejects(*list);
    ctx.exit_code = kExitUserError;
    return;
  }
  if (list->records.empty()) {
    ReportError(Error{ErrorCode::kInvalidInput, "no valid rows to import", {o.file, 0, 0, ""}},
                ctx);
    return;
  }
  std::string rejects_file;
  if (!list->rejects.empty()) {
    rejects_file = RejectsPath(o.file).string();
    if (auto w = WriteRejects(rejects_file, list->header, list->rejects); !w) {
      ReportError(w.error(), ctx);
      return;
    }
  }
  store::ImportRequest req{o.list,
                           *kind,
                           o.side,
                           o.file,
                           list->format == ListFormat::kXlsx ? "xlsx" : "csv",
                           list->encoding,
                           list->name_order,
                           o.actor.empty() ? CurrentActor() : o.actor,
                           std::move(list->records)};
  auto outcome = ws->ImportList(req);
  if (!outcome) {
    ReportError(outcome.error(), ctx);
    return;
  }
  list->records = std::move(req.records);
  PrintOutcome(ctx, o, *list, *outcome, rejects_file);
}

}  // namespace

void RegisterImportCommand(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<ImportOptions>();
  auto* cmd = app.add_subcommand(
      "import", "Import a list file (CSV or XLSX; UTF-8, UTF-16 or Windows-1251) as a new version");
  cmd->add_option("FILE", o->file, "The list file")->required()->check(CLI::ExistingFile);
  cmd->add_option("--list", o->list, "The list's name in the workspace, e.g. ua-request")
      ->required();
  cmd->add_option("--kind", o->kind, "custody | request | offer | mediator | remains")->required();
  cmd->add_option("--side", o->side, "Whose list it is, e.g. ua, ru, mediator")->required();
  cmd->add_option("--map", o->maps, "Map a column: \"ПІБ=full_name\" (repeatable)");
  cmd->add_option("--encoding", o->encoding,
                  "Force an encoding (utf-8, utf-16le, utf-16be, windows-1251); default: detect");
  cmd->add_flag("--skip-invalid", o->skip_invalid,
                "Import the valid rows; write the rejects to FILE.rejects.csv");
  cmd->add_option("--actor", o->actor, "Who is importing (default: $PARLEY_USER or $USER)");
  AddWorkspaceOption(*cmd, ctx);
  AddJsonOption(*cmd, ctx);
  cmd->callback([&ctx, o] { RunImport(ctx, *o); });
}

}  // namespace parley::cli
