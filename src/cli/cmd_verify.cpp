// `parley verify --bundle FILE`: checks a bundle on its own, with no workspace (ledger/verify.h).
// Exit 0 when every entry, the checkpoint and the consistency proof check out; 1 naming the
// first bad entry or part of the file otherwise.
// `parley verify --workspace DIR`: every log in the workspace (the node's own and each
// replica) in full: every signature, every stored leaf hash, the tree, the latest checkpoint
// (store::VerifyWorkspaceLedger). This is the full check that opening a workspace skips.
// Both also check every party signature and witness against the keys its agreement pinned
// (ledger/party_signatures.h), naming each that does not match (exit 1).
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli/commands.h"
#include "cli/workspace_open.h"
#include "core/file_io.h"
#include "ledger/party_signatures.h"
#include "ledger/verify.h"
#include "store/event_log.h"
#include "store/record_sharing.h"

namespace parley::cli {
namespace {

struct VerifyArgs {
  std::string bundle;
  std::string disclosure;
  std::string workspace;
  std::string trusted_keys;
  unsigned threads = 0;
};

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
  const unsigned threads =
      args.threads != 0 ? args.threads : std::max(1u, std::thread::hardware_concurrency());
  auto logs = store::VerifyWorkspaceLedger(*ws, threads);
  if (!logs) {
    Error e = logs.error();
    e.where.file = store::DatabasePath(args.workspace).string();
    if (e.code != ErrorCode::kCorruption) {
      ReportError(e, ctx);
      return;
    }
    std::cerr << "parley: error: " << e.Describe() << "\n";
    ctx.exit_code = kExitUserError;  // the record is at fault, and the message names the entry
    return;
  }
  for (const auto& log : *logs) {
    std::cout << "ok: " << (log.own ? "node log " : "replica ") << log.origin << ": " << log.size
              << " entries all signed, hashed and in order"
              << (log.checkpoint_checked ? "; latest checkpoint matches" : "; no checkpoint yet")
              << "\n";
  }
  if (logs->empty()) std::cout << "ok: the workspace holds no ledger entries yet\n";
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
  if (!signers_ok) {
    ctx.exit_code = kExitUserError;  // a signature the agreement does not allow: named above
    return;
  }
  // What the node signed of its lists must still be what the database holds.
  auto lists = store::VerifyListRecords(*ws);
  if (!lists) {
    Error e = lists.error();
    e.where.file = store::DatabasePath(args.workspace).string();
    if (e.code != ErrorCode::kCorruption) {
      ReportError(e, ctx);
      return;
    }
    std::cerr << "parley: error: " << e.Describe() << "\n";
    ctx.exit_code = kExitUserError;
    return;
  }
  if (lists->lists > 0) {
    std::cout << "ok: " << lists->lists << " list versions (" << lists->records
              << " records): the stored records still produce the records root each "
                 "submission signed\n";
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
  if (!args.workspace.empty()) {
    RunVerifyWorkspace(args, ctx);
    return;
  }
  if (args.bundle.empty()) {
    ReportError({ErrorCode::kInvalidInput, "give --bundle FILE or --workspace DIR", {}}, ctx);
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
  cmd->add_option("--disclosure", args->disclosure,
                  "A revealed field (`parley disclose`) to prove against --bundle")
      ->check(CLI::ExistingFile)
      ->needs(bundle);
  cmd->callback([args, &ctx] { RunVerify(*args, ctx); });
  cmd->add_option("--trusted-keys", args->trusted_keys,
                  "File of verifier keys (one per line): the checkpoint must carry a "
                  "signature by one of them");
  cmd->add_option("--threads", args->threads, "Signature-checking threads (default: all cores)");
  AddJsonOption(*cmd, ctx);
}

}  // namespace parley::cli
