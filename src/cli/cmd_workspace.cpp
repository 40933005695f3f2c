// `parley init`, `lists`, `show`, `person`, `check`: the workspace's read side.
#include <charconv>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/workspace_open.h"
#include "core/try.h"
#include "store/event_log.h"
#include "store/received_lists.h"
#include "store/record_json.h"

namespace parley::cli {
namespace {

std::string DisplayName(const PersonRecord& r) {
  std::string name = r.surname;
  for (const std::string* part : {&r.given_name, &r.patronymic}) {
    if (!part->empty()) name += (name.empty() ? "" : " ") + *part;
  }
  return name.empty() ? r.full_name : name;
}

// A received version (store/received_lists.h) says where it came from instead of a file: it is
// read-only, and the reader must know whose data it is.
void PrintVersionLine(const store::ListVersionInfo& v) {
  std::cout << v.list << "@" << v.version << "  " << v.kind << " list of " << v.side << ", "
            << v.record_count << " records, ";
  if (v.received) {
    std::cout << "[received, read-only] " << store::DescribeReceivedFrom(*v.received) << ", at "
              << v.created_at << "\n";
    return;
  }
  std::cout << "from " << v.source_file << " (" << v.source_format << ", " << v.source_encoding
            << "), by " << v.imported_by << " at " << v.created_at << "\n";
}

// The secret of a new sealed workspace; a --seal-key-file that does not exist yet is made.
Result<store::SealSecret> NewSealSecret(const CliContext& ctx) {
  if (!ctx.seal_key_file.empty() && !std::filesystem::exists(ctx.seal_key_file)) {
    PARLEY_TRY(store::CreateSealKeyFile(ctx.seal_key_file));
    std::cerr << "parley: made the seal key file " << ctx.seal_key_file
              << " (keep a copy apart from the workspace: without it the workspace is lost)\n";
  }
  return store::RequireSealSecret(ctx.workspace);
}

void RunInit(CliContext& ctx, const std::string& node_name, bool seal) {
  store::WorkspaceOptions options{.node_name = node_name};
  if (seal && !store::IsSealedWorkspace(ctx.workspace)) {
    auto secret = NewSealSecret(ctx);
    if (!secret) {
      ReportError(secret.error(), ctx);
      return;
    }
    options.seal = std::move(*secret);
  }
  auto ws = store::Workspace::Create(ctx.workspace, options);
  auto node = ws ? store::LoadNodeIdentity(*ws)
                 : Result<std::optional<store::NodeIdentity>>(std::unexpected(ws.error()));
  if (!node) {
    ReportError(node.error(), ctx);
    return;
  }
  const std::string key_file = store::NodeKeyPath(ctx.workspace, (*node)->key_name).string();
  if (ctx.json) {
    std::cout << nlohmann::json{{"workspace", ctx.workspace},
                                {"sealed", ws->sealed()},
                                {"origin", (*node)->origin},
                                {"node_key", key_file},
                                {"verifier_key", (*node)->verifier_key}}
                     .dump()
              << "\n";
  } else {
    std::cout << "workspace ready in " << ctx.workspace
              << (ws->sealed() ? " (sealed: its database is encrypted at rest)" : "") << "\n"
              << "node log " << (*node)->origin << ", signed by the node key " << key_file
              << "\nshare the public key with the other parties: " << (*node)->verifier_key << "\n";
  }
}

void RunLists(CliContext& ctx) {
  auto ws = OpenWorkspace(ctx);
  if (!ws) return;
  auto lists = ws->Lists();
  if (!lists) {
    ReportError(lists.error(), ctx);
    return;
  }
  if (ctx.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : *lists) out.push_back(store::VersionToJson(v));
    std::cout << out.dump(2) << "\n";
    return;
  }
  if (lists->empty()) std::cout << "no lists yet; add one with `parley import`\n";
  for (const auto& v : *lists) PrintVersionLine(v);
}

void RunShow(CliContext& ctx, const std::string& ref_text, std::size_t limit) {
  auto ref = store::ParseListRef(ref_text);
  if (!ref) {
    ReportError(ref.error(), ctx);
    return;
  }
  auto ws = OpenWorkspace(ctx);
  if (!ws) return;
  auto info = ws->Version(ref->list, ref->version);
  auto records = info ? ws->Records(ref->list, info->version)
                      : Result<std::vector<store::StoredRecord>>(std::unexpected(info.error()));
  if (!records) {
    ReportError(records.error(), ctx);
    return;
  }
  if (ctx.json) {
    nlohmann::json out = store::VersionToJson(*info);
    out["records"] = nlohmann::json::array();
    for (const auto& r : *records) out["records"].push_back(store::StoredRecordToJson(r));
    std::cout << out.dump(2) << "\n";
    return;
  }
  PrintVersionLine(*info);
  if (info->received && !info->received->withheld.empty()) {
    std::string withheld;
    for (const auto& f : info->received->withheld) withheld += (withheld.empty() ? "" : ", ") + f;
    std::cout << "withheld by the sender (absent here, not empty): " << withheld << "\n";
  }
  std::cout << "record  id  name  birth date\n";
  std::size_t shown = 0;
  for (const auto& r : *records) {
    if (shown++ == limit) {
      std::cout << "... " << records->size() - limit << " more (use --limit 0 for all)\n";
      break;
    }
    std::cout << r.record_id << "  " << r.record.id << "  " << DisplayName(r.record) << "  "
              << r.record.birth_date.ToIso() << "\n";
  }
}

Result<std::int64_t> ResolveRecordId(store::Workspace& ws, const std::string& text) {
  std::int64_t id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec == std::errc() && ptr == text.data() + text.size()) return id;
  size_t colon = text.rfind(':');
  if (colon == std::string::npos) {
    return Fail(ErrorCode::kInvalidInput,
                "'" + text +
                    "' is not a record ID; give the number `parley show` prints, "
                    "or LIST:ID with the list's own id");
  }
  return ws.FindRecord(text.substr(0, colon), text.substr(colon + 1));
}

void RunPerson(CliContext& ctx, const std::string& text) {
  auto ws = OpenWorkspace(ctx);
  if (!ws) return;
  auto id = ResolveRecordId(*ws, text);
  auto history = id ? ws->RecordHistory(*id)
                    : Result<std::vector<store::StoredRecord>>(std::unexpected(id.error()));
  if (!history) {
    ReportError(history.error(), ctx);
    return;
  }
  if (ctx.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : *history) out.push_back(store::StoredRecordToJson(r));
    std::cout << out.dump(2) << "\n";
    return;
  }
  const auto& first = history->front();
  std::cout << "person record " << first.record_id << ": list " << first.list << ", id "
            << first.record.id << ", " << history->size() << " version(s)\n";
  for (const auto& r : *history) {
    std::cout << "\nversion " << r.record_version << " (from list version "
              << r.created_in_list_version << ", source row " << r.record.source_row << ")\n";
    for (std::string_view column : kCanonicalColumns) {
      std::string value = CanonicalField(r.record, column);
      if (!value.empty()) std::cout << "  " << column << ": " << value << "\n";
    }
    for (const auto& f : r.record.extra) {
      if (!f.value.empty()) std::cout << "  " << f.column << ": " << f.value << "\n";
    }
  }
}

void RunCheck(CliContext& ctx) {
  auto ws = OpenWorkspace(ctx);
  if (!ws) return;
  auto report = ws->CheckIntegrity();
  if (!report) {
    ReportError(report.error(), ctx);
    return;
  }
  if (ctx.json) {
    std::cout << nlohmann::json{{"ok", report->ok()}, {"problems", report->problems}}.dump(2)
              << "\n";
  } else if (report->ok()) {
    std::cout << "workspace " << ctx.workspace << " is consistent\n";
  } else {
    for (const auto& p : report->problems) std::cout << "problem: " << p << "\n";
  }
  if (!report->ok()) ctx.exit_code = kExitUserError;
}

}  // namespace

void RegisterWorkspaceCommands(CLI::App& app, CliContext& ctx) {
  auto* init = app.add_subcommand("init", "Create a workspace (SQLite, embedded)");
  AddWorkspaceOption(*init, ctx);
  AddJsonOption(*init, ctx);
  auto node_name = std::make_shared<std::string>("node");
  init->add_option("--node", *node_name,
                   "Name of this node's key and log, e.g. ua-bureau (default: node); kept from "
                   "the first init");
  auto seal = std::make_shared<bool>(false);
  init->add_flag("--seal", *seal,
                 "Seal the new workspace at rest: its database is encrypted with a key from "
                 "--seal-passphrase-file or --seal-key-file (made if missing); see "
                 "docs/security.md");
  init->callback([&ctx, node_name, seal] { RunInit(ctx, *node_name, *seal); });

  auto* lists = app.add_subcommand("lists", "Show every list and its latest version");
  AddWorkspaceOption(*lists, ctx);
  AddJsonOption(*lists, ctx);
  lists->callback([&ctx] { RunLists(ctx); });

  auto* show = app.add_subcommand("show", "Show a list version and its records");
  struct ShowOptions {
    std::string ref;
    std::size_t limit = 20;
  };
  auto show_opts = std::make_shared<ShowOptions>();
  show->add_option("LIST", show_opts->ref, "LIST or LIST@VERSION (default: the latest)")
      ->required();
  show->add_option("--limit", show_opts->limit, "Records to print, 0 for all (default 20)");
  AddWorkspaceOption(*show, ctx);
  AddJsonOption(*show, ctx);
  show->callback([&ctx, show_opts] {
    RunShow(ctx, show_opts->ref, show_opts->limit == 0 ? SIZE_MAX : show_opts->limit);
  });

  auto* person = app.add_subcommand("person", "Show a person record and all its versions");
  auto person_ref = std::make_shared<std::string>();
  person->add_option("ID", *person_ref, "Record ID (as `show` prints it) or LIST:ID")->required();
  AddWorkspaceOption(*person, ctx);
  AddJsonOption(*person, ctx);
  person->callback([&ctx, person_ref] { RunPerson(ctx, *person_ref); });

  auto* check = app.add_subcommand("check", "Check the workspace's integrity (exit 1 if broken)");
  AddWorkspaceOption(*check, ctx);
  AddJsonOption(*check, ctx);
  check->callback([&ctx] { RunCheck(ctx); });
}

}  // namespace parley::cli
