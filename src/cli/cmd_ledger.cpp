// `parley checkpoint` and `parley log`: the workspace's signed record (store/event_log.h).
// checkpoint: the node's latest signed checkpoint, made when the log has grown since, or
// cosigned with another party's key (--cosign). log: the history, one event per line; the
// history of one person, plan or agreement (--record/--plan/--agreement) is selected by
// negotiation/event_history.h, as the HTTP API's record history is.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/record_ref.h"
#include "cli/user_key.h"
#include "cli/workspace_open.h"
#include "core/file_io.h"
#include "core/try.h"
#include "ledger/checkpoint.h"
#include "negotiation/event_history.h"
#include "store/event_log.h"

namespace parley::cli {
namespace {

struct CheckpointArgs {
  std::string cosign;
  std::string passphrase_file;
  std::string out;
};

Result<std::string> RunCheckpointIn(store::Workspace& ws, const CheckpointArgs& args) {
  // Loaded (and its passphrase asked for) before the transaction, which holds the write lock.
  std::optional<ledger::SigningKey> cosigner;
  if (!args.cosign.empty()) {
    auto key = LoadUserKey(args.cosign, args.passphrase_file);
    if (!key) return std::unexpected(key.error());
    cosigner.emplace(std::move(*key));
  }
  auto events = ws.Events();
  if (!events) return std::unexpected(events.error());
  store::Transaction tx(ws);
  if (auto r = tx.Begin(); !r) return std::unexpected(r.error());
  auto note = (*events)->CurrentCheckpoint();
  if (!note) return note;
  if (cosigner) {
    const ledger::SigningKey* key = &*cosigner;
    // Whoever cosigns is trusted from now on, so that later exports can carry the cosignature.
    if (auto r = store::AddTrustedKey(ws.dir(), key->Public()); !r)
      return std::unexpected(r.error());
    // Cosigning twice with one key is a no-op, not an error: the signature is already there.
    auto opened = ledger::OpenCheckpoint(*note, std::vector{key->Public()});
    const bool signed_already = opened && !opened->verification.verified_by.empty();
    if (!signed_already) {
      note = (*events)->Log().CosignCheckpoint(*key);
      if (!note) return note;
    }
  }
  if (auto r = tx.Commit(); !r) return std::unexpected(r.error());
  // The note is printed (and written with --out): it leaves the node, so its size is pinned.
  if (auto r = (*events)->PinCheckpoint(); !r) return std::unexpected(r.error());
  return note;
}

void RunCheckpoint(CliContext& ctx, const CheckpointArgs& args) {
  auto ws = OpenWorkspace(ctx);
  if (!ws) return;
  auto note = RunCheckpointIn(*ws, args);
  if (!note) {
    ReportError(note.error(), ctx);
    return;
  }
  if (!args.out.empty()) {
    if (auto written = WriteFileAtomically(args.out, *note); !written) {
      ReportError(written.error(), ctx);
      return;
    }
  }
  std::cout << *note;
}

struct LogArgs {
  std::string list;
  std::string origin;
  std::string record;  // ID or LIST:KEY
  std::int64_t plan = 0;
  std::string agreement;
};

void PrintEvent(CliContext& ctx, const ledger::SignedEvent& opened, nlohmann::json& out) {
  const ledger::Event& e = opened.event;
  if (ctx.json) {
    out.push_back({{"seq", e.seq},
                   {"time", e.time},
                   {"actor", e.actor},
                   {"type", e.type},
                   {"body", e.body},
                   {"signer", opened.signer.VerifierKey()}});
  } else {
    std::cout << e.seq << "  " << e.time << "  " << e.actor << "  " << e.type << "  "
              << e.body.dump() << "\n";
  }
}

Result<std::vector<negotiation::HistoryEvent>> SubjectEvents(store::Workspace& ws,
                                                             const LogArgs& args) {
  if (!args.record.empty()) {
    PARLEY_ASSIGN_OR_RETURN(std::int64_t id, ResolveRecordRef(ws, args.record));
    return negotiation::RecordEvents(ws, id);
  }
  if (args.plan > 0) return negotiation::PlanEvents(ws, args.plan);
  return negotiation::AgreementEvents(ws, args.agreement);
}

// `parley log --record/--plan/--agreement`: the node's own log only (the selection reads this
// workspace's tables).
void RunSubjectLog(CliContext& ctx, store::Workspace& ws, const LogArgs& args) {
  if (!args.origin.empty() || !args.list.empty()) {
    ReportError({ErrorCode::kInvalidInput,
                 "--record, --plan and --agreement show this node's log: drop --origin and "
                 "--list",
                 {}},
                ctx);
    return;
  }
  auto events = SubjectEvents(ws, args);
  if (!events) {
    ReportError(events.error(), ctx);
    return;
  }
  nlohmann::json out = nlohmann::json::array();
  if (!ctx.json) std::cout << events->size() << " events\n";
  for (const auto& h : *events) PrintEvent(ctx, h.event, out);
  if (ctx.json) std::cout << out.dump(2) << "\n";
}

void RunLog(CliContext& ctx, const LogArgs& args) {
  auto ws = OpenWorkspace(ctx);
  if (!ws) return;
  if (!args.record.empty() || args.plan > 0 || !args.agreement.empty()) {
    RunSubjectLog(ctx, *ws, args);
    return;
  }
  auto node = store::LoadNodeIdentity(*ws);
  if (!node || !*node) {
    ReportError(
        node ? Error{ErrorCode::kNotFound, "the workspace has no node identity", {}} : node.error(),
        ctx);
    return;
  }
  const std::string origin = args.origin.empty() ? (*node)->origin : args.origin;
  auto storage = store::SqliteEntryStorage::Open(*ws, origin);
  auto leaves = storage ? (*storage)->Read(0, (*storage)->Size())
                        : Result<std::vector<std::string>>(std::unexpected(storage.error()));
  if (!leaves) {
    ReportError(leaves.error(), ctx);
    return;
  }
  nlohmann::json out = nlohmann::json::array();
  if (!ctx.json) std::cout << "log " << origin << ", " << leaves->size() << " entries\n";
  for (std::size_t seq = 0; seq < leaves->size(); ++seq) {
    // Each shown entry is checked on its own (signature and canonical form): a history that
    // is displayed should not be one that fails verification.
    auto opened = ledger::OpenLeaf((*leaves)[seq], seq);
    if (!opened) {
      ReportError(opened.error(), ctx);
      return;
    }
    const ledger::Event& e = opened->event;
    // Reconciliation events name two lists (left_list, right_list): either one is "about" it.
    const bool about_list = e.body.value("list", "") == args.list ||
                            e.body.value("left_list", "") == args.list ||
                            e.body.value("right_list", "") == args.list;
    if (!args.list.empty() && !about_list) continue;
    PrintEvent(ctx, *opened, out);
  }
  if (ctx.json) std::cout << out.dump(2) << "\n";
}

}  // namespace

void RegisterLedgerCommands(CLI::App& app, CliContext& ctx) {
  auto cp_args = std::make_shared<CheckpointArgs>();
  auto* cp = app.add_subcommand(
      "checkpoint", "Print the node log's signed checkpoint (made anew if the log grew)");
  cp->add_option("--cosign", cp_args->cosign,
                 "Add a cosignature with this private key file (another party, the mediator)");
  cp->add_option("--passphrase-file", cp_args->passphrase_file,
                 "Passphrase of an encrypted --cosign key, on this file's first line (default: "
                 "$PARLEY_PASSPHRASE, else asked on the terminal)");
  cp->add_option("--out", cp_args->out, "Also write the checkpoint to this file");
  AddWorkspaceOption(*cp, ctx);
  cp->callback([&ctx, cp_args] { RunCheckpoint(ctx, *cp_args); });

  auto log_args = std::make_shared<LogArgs>();
  auto* log = app.add_subcommand("log", "Show the signed history (seq, time, actor, type, body)");
  log->add_option("--list", log_args->list, "Only events about this list");
  auto* record = log->add_option(
      "--record", log_args->record,
      "Only the history of this person record (ID or LIST:KEY): its list versions, link "
      "decisions, interview, handovers and the plans that include it");
  auto* plan = log->add_option(
      "--plan", log_args->plan,
      "Only the history of this plan ID and its parents and children (proposed, countered, "
      "accepted, signed, repaired)");
  auto* agreement = log->add_option(
      "--agreement", log_args->agreement,
      "Only the history of this agreement NAME: its versions, signatures and plans");
  record->excludes(plan)->excludes(agreement);
  plan->excludes(agreement);
  log->add_option("--origin", log_args->origin,
                  "Show an imported replica of another party's log (default: this node's)");
  AddWorkspaceOption(*log, ctx);
  AddJsonOption(*log, ctx);
  log->callback([&ctx, log_args] { RunLog(ctx, *log_args); });
}

}  // namespace parley::cli
