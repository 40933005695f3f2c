// `parley verify --bundle FILE`: checks a bundle on its own, with no workspace (ledger/verify.h).
// Exit 0 when every entry, the checkpoint and the consistency proof check out; 1 naming the
// first bad entry or part of the file otherwise.
// `parley verify --workspace DIR`: every log in the workspace (the node's own and each
// replica) in full: every signature, every stored leaf hash, the tree, the latest checkpoint
// (store::VerifyWorkspaceLedger). This is the full check that opening a workspace skips.
// Then the log's length against the checkpoints that left the node (ledger-checkpoints.pinned),
// every row a ledger event vouches for (store/vouched_rows.h) and the records behind every
// signed list version; it names the tables no event vouches for. Exit 1 naming each row that
// differs; on success the verified checkpoint is pinned.
// `parley verify --paper TEXT [--workspace DIR]`: a printed paper's checkpoint line (the text
// of the QR code on each page, report/paper_checkpoint.h) against the workspace's log.
// Both also check every party signature and witness against the keys its agreement pinned
// (ledger/party_signatures.h), naming each that does not match (exit 1).
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli/commands.h"
#include "cli/verify_fork_proof.h"
#include "cli/workspace_open.h"
#include "core/file_io.h"
#include "ledger/party_signatures.h"
#include "ledger/verify.h"
#include "report/paper_checkpoint.h"
#include "store/event_log.h"
#include "store/received_lists.h"
#include "store/record_sharing.h"
#include "store/vouched_rows.h"
#include "store/workspace.h"

namespace parley::cli {
namespace {

struct VerifyArgs {
  std::string bundle;
  std::string disclosure;
  std::string workspace;
  std::string trusted_keys;
  std::string paper;
  std::string fork_proof;
  unsigned threads = 0;
};

void RunVerifyPaper(const VerifyArgs& args, CliContext& ctx) {
  if (!args.workspace.empty()) ctx.workspace = args.workspace;
  auto ws = OpenWorkspace(ctx);
  if (!ws) return;
  auto check = report::VerifyPaperCheckpoint(*ws, args.paper);
  if (!check) {
    ReportError(check.error(), ctx);
    return;
  }
  std::cout << "ok: paper " << check->paper.doc_id << " was made from the first "
            << check->paper.size << " entries of log " << check->paper.origin
            << ", and this workspace's log (" << check->log_size
            << " entries) passed through that state (root " << check->paper.root_hex << ")\n";
  ctx.exit_code = kExitOk;
}

// Prints a corruption found by a check and marks the run failed; any other error ends it.
bool Found(const Error& error, const std::string& db_file, CliContext& ctx) {
  Error e = error;
  if (e.where.file.empty()) e.where.file = db_file;
  if (e.code != ErrorCode::kCorruption) {
    ReportError(e, ctx);
    return false;
  }
  std::cerr << "parley: error: " << e.Describe() << "\n";
  return true;
}

// The log's length against the checkpoints that left the node (store::EventLog::CheckPinned).
bool CheckPinnedLength(store::Workspace& ws, const std::string& db_file, bool& failed,
                       CliContext& ctx) {
  auto node = store::LoadNodeIdentity(ws);
  if (!node) {
    ReportError(node.error(), ctx);
    return false;
  }
  if (!*node) return true;  // no log at all: VerifyVouchedRows reports rows that need one
  auto events = ws.Events();
  if (!events) {
    ReportError(events.error(), ctx);
    return false;
  }
  auto pin = (*events)->CheckPinned();
  if (!pin) {
    if (!Found(pin.error(), db_file, ctx)) return false;
    failed = true;
  } else if (pin->latest) {
    std::cout << "ok: the log extends the last checkpoint that left this node (size "
              << pin->latest->size << ", "
              << store::PinnedCheckpointsPath(ws.dir()).filename().string() << " line "
              << pin->latest->line << "; consistency proved)\n";
  } else {
    std::cout << "note: no checkpoint has left this node yet, so the log's length is not "
                 "pinned (a bundle export, `parley checkpoint` or a successful verify pins it)\n";
  }
  return true;
}

// Every row a ledger event vouches for, against the event (store/vouched_rows.h).
bool CheckVouchedRows(store::Workspace& ws, bool& failed, CliContext& ctx) {
  auto rows = store::VerifyVouchedRows(ws);
  if (!rows) {
    ReportError(rows.error(), ctx);
    return false;
  }
  for (const std::string& p : rows->problems) std::cerr << "parley: error: " << p << "\n";
  if (!rows->problems.empty()) failed = true;
  std::string checked;
  for (const auto& t : rows->tables) {
    if (t.rows == 0) continue;
    checked += (checked.empty() ? "" : ", ") + t.table + " " + std::to_string(t.rows);
  }
  if (rows->problems.empty() && !checked.empty()) {
    std::cout << "ok: rows checked against the events that vouch for them: " << checked << "\n";
  }
  for (const std::string& u : rows->unproved) std::cout << "note: not provable: " << u << "\n";
  return true;
}

// One line for the party signatures of a log (`where`), or every mismatch on stderr. False
// when a signature does not match its pinned key.
bool ReportPartySignatures(const std::string& where, const ledger::PartySignatureReport& r,
                           bool print) {
  for (const std::string& m : r.mismatches) {
    std::cerr << "parley: error: party signatures: " << where << ": " << m << "\n";
  }
  if (!r.ok() || !print || r.party_signatures + r.witnesses == 0) return r.ok();
  std::cout << "ok: " << where << ": " << r.matched << " of " << r.party_signatures
            << " party signatures and " << r.witnesses_matched << " of " << r.witnesses
            << " mediator witnesses made with the keys their agreement pins";
  if (r.unpinned > 0) {
    std::cout << "; " << r.unpinned
              << " under an agreement that pins no key for that role (they prove only which "
                 "key vouched, not the party's consent)";
  }
  if (r.unchecked > 0) {
    std::cout << "; " << r.unchecked << " whose agreement.added is not in this range (not checked)";
  }
  std::cout << "\n";
  return true;
}

void RunVerifyWorkspace(const VerifyArgs& args, CliContext& ctx) {
  ctx.workspace = args.workspace;
  auto ws = OpenWorkspace(ctx);
  if (!ws) return;
  const std::string db_file = store::DatabasePath(args.workspace).string();
  const unsigned threads =
      args.threads != 0 ? args.threads : std::max(1u, std::thread::hardware_concurrency());
  auto logs = store::VerifyWorkspaceLedger(*ws, threads);
  if (!logs) {
    if (Found(logs.error(), db_file, ctx)) ctx.exit_code = kExitUserError;
    return;
  }
  for (const auto& log : *logs) {
    std::cout << "ok: " << (log.own ? "node log " : "replica ") << log.origin << ": " << log.size
              << " entries all signed, hashed and in order"
              << (log.checkpoint_checked ? "; latest checkpoint matches" : "; no checkpoint yet")
              << "\n";
  }
  if (logs->empty()) std::cout << "note: the workspace holds no ledger entries\n";
  bool failed = false;
  if (!CheckPinnedLength(*ws, db_file, failed, ctx)) return;
  if (!CheckVouchedRows(*ws, failed, ctx)) return;
  auto parties = store::VerifyWorkspacePartySignatures(*ws);
  if (!parties) {
    ReportError(parties.error(), ctx);
    return;
  }
  bool signers_ok = true;
  for (const auto& log : *parties) {
    signers_ok = ReportPartySignatures((log.own ? "node log " : "replica ") + log.origin,
                                       log.report, true) &&
                 signers_ok;
  }
  if (!signers_ok) failed = true;  // a signature the agreement does not allow: named above
  // What the node signed of its lists must still be what the database holds.
  auto node = store::LoadNodeIdentity(*ws);
  if (node && *node) {
    auto lists = store::VerifyListRecords(*ws);
    if (!lists) {
      if (!Found(lists.error(), db_file, ctx)) return;
      failed = true;
    } else if (lists->lists > 0) {
      std::cout << "ok: " << lists->lists << " list versions (" << lists->records
                << " records): the stored records still produce the records root each "
                   "submission signed\n";
    }
    auto received = store::VerifyReceivedLists(*ws);
    if (!received) {
      if (!Found(received.error(), db_file, ctx)) return;
      failed = true;
    } else if (received->lists > 0) {
      std::cout << "ok: " << received->lists << " received list versions (" << received->records
                << " records): the stored records still give the content hash each "
                   "list.version_received event signed\n";
    }
  }
  std::cout << "not vouched for by the ledger (not checked):";
  for (const auto& t : store::UnvouchedTables()) std::cout << " " << t.table << ";";
  std::cout << " see docs/security.md\n";
  if (failed) {
    std::cerr << "parley: the database was changed outside parley. Do not export or sign from "
                 "it: restore parley.db from a backup, or rebuild what the other parties hold "
                 "from their copies of this log, and find out who could write the file\n";
    ctx.exit_code = kExitUserError;
    return;
  }
  // What was just proved is pinned, so a later rollback below it is refused.
  if (node && *node) {
    auto events = ws->Events();
    auto pinned =
        events ? (*events)->PinCheckpoint() : Result<void>(std::unexpected(events.error()));
    if (!pinned) {
      ReportError(pinned.error(), ctx);
      return;
    }
  }
  ctx.exit_code = kExitOk;
}

// A revealed field (`parley disclose`) against a bundle that carried its list event.
void RunVerifyDisclosure(const VerifyArgs& args, const ledger::BundleVerification& verified,
                         CliContext& ctx) {
  auto text = ReadWholeFile(args.disclosure);
  auto d = text ? ledger::ParseFieldDisclosure(*text)
                : Result<ledger::FieldDisclosure>(std::unexpected(text.error()));
  auto ok = d ? ledger::VerifyFieldDisclosure(*d, verified.bundle.origin, verified.bundle.entries,
                                              verified.bundle.since)
              : Result<void>(std::unexpected(d.error()));
  if (!ok) {
    Error e = ok.error();
    e.where.file = args.disclosure;
    e.code = e.code == ErrorCode::kCorruption ? ErrorCode::kInvalidInput : e.code;
    ReportError(e, ctx);
    return;
  }
  if (ctx.json) {
    std::cout
        << nlohmann::json{{"ok", true},         {"list", d->list},    {"version", d->list_version},
                          {"id", d->record.id}, {"field", d->field},  {"value", d->value},
                          {"seq", d->seq},      {"origin", d->origin}}
               .dump()
        << "\n";
  } else {
    std::cout << "ok: " << args.disclosure << ": list " << d->list << " version " << d->list_version
              << ", record " << d->record.id << ", field " << d->field << " = \"" << d->value
              << "\"\n"
              << "proved against the records root signed in entry seq " << d->seq << " of "
              << d->origin << " (bundle " << args.bundle << ")\n";
  }
  if (args.trusted_keys.empty()) {
    std::cerr << "parley: warning: no --trusted-keys given: who signed the bundle was not "
                 "checked\n";
  }
  ctx.exit_code = kExitOk;
}

void RunVerify(const VerifyArgs& args, CliContext& ctx) {
  if (!args.fork_proof.empty()) {
    RunVerifyForkProof(args.fork_proof, args.trusted_keys, ctx);
    return;
  }
  if (!args.paper.empty()) {
    RunVerifyPaper(args, ctx);
    return;
  }
  if (!args.workspace.empty()) {
    RunVerifyWorkspace(args, ctx);
    return;
  }
  if (args.bundle.empty()) {
    ReportError(
        {ErrorCode::kInvalidInput, "give --bundle FILE, --workspace DIR or --fork-proof FILE", {}},
        ctx);
    return;
  }
  ledger::VerifyOptions options;
  options.threads =
      args.threads != 0 ? args.threads : std::max(1u, std::thread::hardware_concurrency());
  if (!args.trusted_keys.empty()) {
    auto keys = ledger::LoadVerifierKeys(args.trusted_keys);
    if (!keys) {
      ReportError(keys.error(), ctx);
      return;
    }
    if (keys->empty()) {
      ReportError({ErrorCode::kInvalidInput, "no keys in the trusted keys file",
                   ledger::InFile(args.trusted_keys)},
                  ctx);
      return;
    }
    options.trusted = std::move(*keys);
  }
  auto bytes = ReadWholeFile(args.bundle);
  if (!bytes) {
    ReportError(bytes.error(), ctx);
    return;
  }
  auto report = ledger::VerifyBundle(*bytes, options);
  if (!report) {
    Error e = report.error();
    e.where.file = args.bundle;
    ReportError(e, ctx);
    return;
  }
  const auto& b = report->bundle;
  if (!args.disclosure.empty()) {
    RunVerifyDisclosure(args, *report, ctx);
    return;
  }
  auto parties = ledger::CheckPartySignatures(b.entries, b.since);
  if (!parties) {
    ReportError(parties.error(), ctx);
    return;
  }
  if (!ReportPartySignatures(args.bundle, *parties, false)) {
    ctx.exit_code = kExitUserError;
    return;
  }
  std::string signers;
  for (const auto& s : report->checkpoint_signers) signers += (signers.empty() ? "" : ", ") + s;
  if (ctx.json) {
    std::cout << "{\"ok\":true,\"origin\":\"" << b.origin << "\",\"since\":" << b.since
              << ",\"size\":" << b.size << ",\"entries\":" << b.entries.size() << ",\"root\":\""
              << ledger::EncodeHex(report->checkpoint.root)
              << "\",\"trusted\":" << (report->trusted_signature ? "true" : "false") << "}\n";
  } else {
    std::cout << "ok: " << args.bundle << ": log " << b.origin << ", entries " << b.since << ".."
              << (b.size == 0 ? 0 : b.size - 1) << " (" << b.entries.size()
              << " entries) all signed and in order\n"
              << "checkpoint: size " << b.size << ", root "
              << ledger::EncodeBase64(report->checkpoint.root) << ", signed by " << signers << "\n";
    if (b.since > 0) {
      std::cout << "consistency: proved from size " << b.since << " (root "
                << ledger::EncodeBase64(report->old_root) << ")\n";
    }
    ReportPartySignatures("party signatures", *parties, true);
    if (report->disclosure) {
      std::size_t records = 0;
      for (const auto& l : report->disclosure->lists) records += l.records.size();
      std::cout << "disclosure: " << records << " records of " << report->disclosure->lists.size()
                << " list versions for " << report->disclosure->recipient << " ("
                << report->disclosure->role
                << "), every shown value matches its commitment and every list its signed "
                   "records root\n";
    }
  }
  if (options.trusted.empty()) {
    std::cerr << "parley: warning: no --trusted-keys given: the bundle is intact and "
                 "self-consistent, but who signed it was not checked\n";
  }
  ctx.exit_code = kExitOk;
}

}  // namespace

void RegisterVerifyCommand(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<VerifyArgs>();
  auto* cmd = app.add_subcommand(
      "verify", "Check a bundle's signatures, tree, checkpoint and consistency proof");
  auto* bundle =
      cmd->add_option("--bundle", args->bundle, "Bundle file to check on its own (no workspace)")
          ->check(CLI::ExistingFile);
  auto* workspace = cmd->add_option("--workspace", args->workspace,
                                    "Workspace whose whole record to check (every log in it)");
  bundle->excludes(workspace);
  AddSealOptions(*cmd, ctx);
  cmd->add_option("--disclosure", args->disclosure,
                  "A revealed field (`parley disclose`) to prove against --bundle")
      ->check(CLI::ExistingFile)
      ->needs(bundle);
  cmd->callback([args, &ctx] { RunVerify(*args, ctx); });
  cmd->add_option("--trusted-keys", args->trusted_keys,
                  "File of verifier keys (one per line): the checkpoint must carry a "
                  "signature by one of them");
  cmd->add_option("--paper", args->paper,
                  "A printed paper's checkpoint line (its QR code's text: 'parley-checkpoint v1 "
                  "ORIGIN SIZE ROOT DOC-ID') to check against the workspace's log")
      ->excludes(bundle);
  cmd->add_option("--fork-proof", args->fork_proof,
                  "A fork proof (written by `bundle import` when a log forked) to check offline; "
                  "with --trusted-keys, the log's key must be one of them")
      ->check(CLI::ExistingFile)
      ->excludes(bundle)
      ->excludes(workspace);
  cmd->add_option("--threads", args->threads, "Signature-checking threads (default: all cores)");
  AddJsonOption(*cmd, ctx);
}

}  // namespace parley::cli
