// `parley bundle ...`: `export` writes the node's log (or the part after a checkpoint) with a
// current signed checkpoint; `import` takes another party's bundle into the replica of its
// log, all or nothing (store/event_log.h). `synth` is a developer command: a synthetic signed
// log with throwaway keys, for tests, demos and benchmarks.
//
// Sharing policy: events carry no personal data (list names, versions, counts, hashes, the
// records root). `export --for PARTY` adds a disclosure section showing PARTY the record fields
// the agreement's [sharing] table allows (`--agreement FILE|NAME`, else the agreement in force
// in the workspace, else the default policy; negotiation/sharing_choice.h); `import` checks it
// against the signed roots and keeps what it showed, each disclosed list version as a read-only
// list of this node (store/received_lists.h); `show` prints a bundle's disclosure, `received`
// what this node was shown.
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli/bundle_disclosure.h"
#include "cli/commands.h"
#include "cli/workspace_open.h"
#include "core/file_io.h"
#include "core/try.h"
#include "ledger/ledger.h"
#include "ledger/verify.h"
#include "negotiation/sharing_choice.h"
#include "store/checkpoint_cosignatures.h"
#include "store/event_log.h"
#include "store/received_lists.h"

namespace parley::cli {
namespace {

struct SynthArgs {
  std::uint64_t events = 100;
  std::uint64_t since = 0;
  std::string out;
  std::string trusted_out;
  std::string origin = "parley.synthetic/demo";
};

// An in-memory log: synth never touches a workspace.
class VectorStorage final : public ledger::EntryStorage {
 public:
  std::uint64_t Size() const override { return entries_.size(); }
  Result<std::vector<std::string>> Read(std::uint64_t begin, std::uint64_t count) const override {
    if (begin > Size() || count > Size() - begin) {
      return Fail(ErrorCode::kInvalidInput, "read past the end");
    }
    const auto first = entries_.begin() + static_cast<std::ptrdiff_t>(begin);
    return std::vector<std::string>(first, first + static_cast<std::ptrdiff_t>(count));
  }
  Result<void> Append(std::span<const std::string> leaves) override {
    entries_.insert(entries_.end(), leaves.begin(), leaves.end());
    return {};
  }
  Result<std::optional<std::string>> LoadCheckpoint() const override { return checkpoint_; }
  Result<void> SaveCheckpoint(std::string_view note) override {
    checkpoint_ = std::string(note);
    return {};
  }

 private:
  std::vector<std::string> entries_;
  std::optional<std::string> checkpoint_;
};

ledger::Event SynthEvent(std::uint64_t seq, const std::string& actor) {
  static constexpr const char* kTypes[] = {"list.version_submitted", "match.confirmed",
                                           "plan.proposed", "handover.recorded"};
  return {.seq = seq,
          .type = kTypes[seq % 4],
          .actor = actor,
          .time = "2026-11-25T10:00:00Z",
          .body = {{"person", "P-" + std::to_string(seq)},
                   {"list", "custody-" + std::to_string(seq % 7)},
                   {"phase", static_cast<int>(seq % 5)}}};
}

Result<void> Synth(const SynthArgs& args) {
  auto node = ledger::GenerateSigningKey("synthetic-node");
  auto mediator = ledger::GenerateSigningKey("synthetic-mediator");
  std::vector<ledger::SigningKey> clerks;
  for (const char* name : {"clerk-a", "clerk-b", "analyst-c"}) {
    clerks.push_back(*ledger::GenerateSigningKey(name));
  }
  if (!node || !mediator) return Fail(ErrorCode::kInternal, "key generation failed");
  if (args.since > args.events) {
    return Fail(ErrorCode::kInvalidInput, "--since must not exceed --events");
  }
  auto ledger = ledger::Ledger::Open(std::make_unique<VectorStorage>(),
                                     {.origin = args.origin, .trusted = {}, .threads = 2});
  if (!ledger) return std::unexpected(ledger.error());
  // Sign in parallel (signing is the cost), append in order.
  std::vector<ledger::SignedEvent> signed_events(args.events);
  std::vector<std::optional<Error>> errors(2);
  {
    std::vector<std::jthread> workers;
    for (unsigned t = 0; t < 2; ++t) {
      workers.emplace_back([&, t] {
        for (std::uint64_t seq = t; seq < args.events; seq += 2) {
          const auto& key = clerks[seq % clerks.size()];
          auto s = ledger::SignEvent(SynthEvent(seq, key.Name()), key);
          if (!s) {
            errors[t] = s.error();
            return;
          }
          signed_events[seq] = std::move(*s);
        }
      });
    }
  }
  for (auto& e : errors) {
    if (e) return std::unexpected(*e);
  }
  if (auto r = ledger->AppendSigned(signed_events); !r) return r;
  if (auto r = ledger->MakeCheckpoint(*node); !r) return std::unexpected(r.error());
  if (auto r = ledger->CosignCheckpoint(*mediator); !r) return std::unexpected(r.error());
  auto bytes = ledger->ExportBundle(args.since);
  if (!bytes) return std::unexpected(bytes.error());
  PARLEY_TRY(WriteFileAtomically(args.out, *bytes));
  if (!args.trusted_out.empty()) {
    PARLEY_TRY(
        WriteFileAtomically(args.trusted_out, "# synthetic keys that signed the checkpoint of " +
                                                  args.out + "\n" + node->Public().VerifierKey() +
                                                  "\n" + mediator->Public().VerifierKey() + "\n"));
  }
  std::cout << "wrote " << args.out << ": synthetic log " << args.origin << ", entries "
            << args.since << ".." << args.events << " (exclusive), " << bytes->size() << " bytes\n";
  return {};
}

struct ExportArgs {
  std::string party;
  std::string since;
  std::string out;
  std::string agreement;
};

Result<std::string> ExportIn(store::Workspace& ws, const ExportArgs& args,
                             const negotiation::SharingChoice& sharing) {
  std::optional<std::string> since_note;
  if (!args.since.empty()) {
    auto text = ReadWholeFile(args.since);
    if (!text) return std::unexpected(text.error());
    since_note = std::move(*text);
  }
  auto events = ws.Events();
  if (!events) return std::unexpected(events.error());
  auto bytes = sharing.shares_anything
                   ? store::ExportBundleFor(ws, since_note, sharing.request, nullptr)
                   : (*events)->ExportBundle(since_note);
  if (!bytes) return bytes;
  if (auto r = WriteFileAtomically(args.out, *bytes); !r) return std::unexpected(r.error());
  return bytes;
}

void PrintExportedDisclosure(const ledger::Bundle& bundle,
                             const negotiation::SharingChoice& sharing) {
  std::cout << "sharing policy: " << sharing.policy_source << "; " << bundle.origin << " shows "
            << sharing.request.recipient << " (" << sharing.request.role << ") ";
  if (bundle.disclosure.empty()) {
    std::cout << "no record contents\n";
    return;
  }
  auto disclosure = ledger::ParseDisclosure(bundle.disclosure);
  if (!disclosure) return;
  std::size_t records = 0;
  for (const auto& l : disclosure->lists) records += l.records.size();
  const FieldSummary fields = SummariseFields(*disclosure);
  std::cout << records << " records of " << disclosure->lists.size() << " list versions\n"
            << "shown: " << JoinNames(fields.shown) << "\n"
            << "withheld (salted commitments only): " << JoinNames(fields.withheld) << "\n";
}

void RunExport(CliContext& ctx, const ExportArgs& args) {
  auto ws = OpenWorkspace(ctx);
  if (!ws) return;
  auto sharing = negotiation::ChooseSharing(*ws, args.party, args.agreement);
  if (!sharing) {
    ReportError(sharing.error(), ctx);
    return;
  }
  auto bytes = ExportIn(*ws, args, *sharing);
  auto bundle =
      bytes ? ledger::DecodeBundle(*bytes) : Result<ledger::Bundle>(std::unexpected(bytes.error()));
  if (!bundle) {
    ReportError(bundle.error(), ctx);
    return;
  }
  std::cout << "wrote " << args.out << " for " << args.party << ": log " << bundle->origin
            << ", entries " << bundle->since << ".." << bundle->size << " (exclusive), "
            << bytes->size() << " bytes, checkpoint signed by the node\n";
  PrintExportedDisclosure(*bundle, *sharing);
  ctx.exit_code = kExitOk;
}

// The cosigning workflow's part of an import (store/checkpoint_cosignatures.h).
void PrintCosigning(const store::CosignedImport& done) {
  if (done.cosigned) {
    std::cout << "cosigned the sender's checkpoint (size " << done.cosigned->checkpoint.size
              << ") with this node's key; the next bundle you export carries the cosignature\n";
  }
  std::cout << "received " << done.received_of_own_log
            << " new cosignature(s) of this node's checkpoints";
  if (done.already_held > 0) std::cout << " (" << done.already_held << " already held)";
  std::cout << "; see them with `parley checkpoints`\n";
}

struct ImportArgs {
  std::string file;
  std::string trusted_keys;
  std::string list_prefix;
};

// What became of each disclosed list version here (store/received_lists.h).
void PrintReceivedLists(const std::vector<store::ReceivedListVersion>& received) {
  for (const auto& r : received) {
    std::cout << "  " << r.sender_list << "@" << r.sender_version << " -> ";
    if (r.already_held) {
      std::cout << r.list << ": already received\n";
    } else if (r.unchanged) {
      std::cout << r.list << "@" << r.version << ": same records, no new version\n";
    } else {
      std::cout << r.list << "@" << r.version << " (read-only, " << r.records << " records)\n";
    }
  }
}

void RunImport(CliContext& ctx, const ImportArgs& args) {
  auto ws = OpenWorkspace(ctx);
  if (!ws) return;
  std::filesystem::path keys_file = args.trusted_keys;
  if (keys_file.empty()) keys_file = store::TrustedKeysPath(ctx.workspace);
  const bool missing = !std::filesystem::exists(keys_file);
  auto keys = missing ? Result<std::vector<ledger::PublicKey>>(std::vector<ledger::PublicKey>{})
                      : ledger::LoadVerifierKeys(keys_file);
  if (!keys || keys->empty()) {
    ReportError(keys ? Error{ErrorCode::kInvalidInput,
                             std::string(missing ? "no trusted keys file" : "no trusted keys") +
                                 ": trust the sender's verifier key first with `parley keys "
                                 "trust SENDER.pub` (the file `parley keys init` made on their "
                                 "machine; check its key id with them by phone), or pass "
                                 "--trusted-keys FILE",
                             ledger::InFile(keys_file.string())}
                     : keys.error(),
                ctx);
    return;
  }
  auto bytes = ReadWholeFile(args.file);
  std::vector<store::ReceivedListVersion> received;
  auto done = bytes
                  ? store::ImportAndCosign(*ws, *bytes, *keys,
                                           {.list_prefix = args.list_prefix, .received = &received})
                  : Result<store::CosignedImport>(std::unexpected(bytes.error()));
  if (!done) {
    Error e = done.error();
    e.where.file = args.file;
    ReportError(e, ctx);
    return;
  }
  const ledger::ImportReport* report = &done->report;
  std::string signers;
  for (const auto& s : report->checkpoint_signers) signers += (signers.empty() ? "" : ", ") + s;
  std::cout << "imported " << args.file << ": replica now holds " << report->new_size
            << " entries (was " << report->previous_size << "), checkpoint signed by " << signers
            << "\n";
  if (report->disclosure) {
    std::size_t records = 0;
    for (const auto& l : report->disclosure->lists) records += l.records.size();
    const FieldSummary fields = SummariseFields(*report->disclosure);
    std::cout << "received " << records << " records of " << report->disclosure->lists.size()
              << " list versions, every value checked against the signed records roots\n"
              << "shown: " << JoinNames(fields.shown) << "\n"
              << "withheld (commitments only): " << JoinNames(fields.withheld) << "\n"
              << "as read-only lists of this workspace (see `parley lists`):\n";
    PrintReceivedLists(received);
  }
  PrintCosigning(*done);
  ctx.exit_code = kExitOk;
}

struct ShowArgs {
  std::string file;
  std::string trusted_keys;
};

void RunShow(CliContext& ctx, const ShowArgs& args) {
  ledger::VerifyOptions options;
  if (!args.trusted_keys.empty()) {
    auto keys = ledger::LoadVerifierKeys(args.trusted_keys);
    if (!keys) {
      ReportError(keys.error(), ctx);
      return;
    }
    options.trusted = std::move(*keys);
  }
  auto bytes = ReadWholeFile(args.file);
  auto verified = bytes ? ledger::VerifyBundle(*bytes, options)
                        : Result<ledger::BundleVerification>(std::unexpected(bytes.error()));
  if (!verified) {
    Error e = verified.error();
    e.where.file = args.file;
    ReportError(e, ctx);
    return;
  }
  const auto& b = verified->bundle;
  if (ctx.json) {
    std::cout << (verified->disclosure ? DisclosureJson(*verified->disclosure) : "null") << "\n";
  } else {
    std::cout << "bundle " << args.file << ": log " << b.origin << ", entries " << b.since << ".."
              << b.size << " (exclusive), verified"
              << (options.trusted.empty() ? " (signers not checked: no --trusted-keys)" : "")
              << "\n";
    if (verified->disclosure) {
      PrintDisclosure(*verified->disclosure);
    } else {
      std::cout << "no record contents: events only\n";
    }
  }
  ctx.exit_code = kExitOk;
}

void RunReceived(CliContext& ctx, const std::string& list) {
  auto ws = OpenWorkspace(ctx);
  if (!ws) return;
  auto records = store::ReceivedRecords(*ws, list);
  if (!records) {
    ReportError(records.error(), ctx);
    return;
  }
  if (ctx.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : *records) {
      nlohmann::json shown = nlohmann::json::object();
      for (const auto& [k, v] : r.shown) shown[k] = v;
      out.push_back({{"origin", r.origin},
                     {"seq", r.seq},
                     {"list", r.list},
                     {"version", r.list_version},
                     {"id", r.record_key},
                     {"record_version", r.record_version},
                     {"shown", shown},
                     {"withheld", r.withheld}});
    }
    std::cout << out.dump(2) << "\n";
  } else {
    for (const auto& r : *records) {
      std::cout << r.list << "@" << r.list_version << " " << r.record_key;
      for (const auto& [k, v] : r.shown) {
        if (!v.empty()) std::cout << "  " << k << "=" << v;
      }
      std::cout << "  [withheld: " << JoinNames(r.withheld) << "]\n";
    }
    if (records->empty()) std::cout << "no records received yet\n";
    if (!records->empty()) {
      std::cout << "(each disclosed list version is also a read-only list here: `parley lists` "
                   "marks them [received]; reconcile, review and plan work on them)\n";
    }
  }
  ctx.exit_code = kExitOk;
}

}  // namespace

void RegisterBundleCommand(CLI::App& app, CliContext& ctx) {
  auto* bundle = app.add_subcommand("bundle", "Bundles: stretches of the log carried on a file");
  bundle->require_subcommand(1);
  auto args = std::make_shared<SynthArgs>();
  auto* synth = bundle->add_subcommand(
      "synth",
      "DEVELOPER TOOL: make a SYNTHETIC signed log with throwaway keys and write it as a "
      "bundle (for tests, demos and benchmarks; not real data)");
  synth->add_option("--events", args->events, "Number of synthetic events (default 100)");
  synth->add_option("--since", args->since, "Carry only entries from this seq on (default 0)");
  synth->add_option("--out", args->out, "Bundle file to write")->required();
  synth->add_option("--trusted-out", args->trusted_out,
                    "Also write the checkpoint signers' verifier keys to this file");
  synth->add_option("--origin", args->origin, "Origin line of the synthetic log");
  auto ex = std::make_shared<ExportArgs>();
  auto* exp = bundle->add_subcommand("export", "Write the node's signed log to a bundle file");
  exp->add_option("--for", ex->party, "Who the bundle is for: ua, ru, mediator, ...")->required();
  exp->add_option("--since", ex->since,
                  "Checkpoint file the receiver already holds: carry only what follows it "
                  "(default: everything)");
  exp->add_option("--out", ex->out, "Bundle file to write")->required();
  exp->add_option("--agreement", ex->agreement,
                  "Agreement file, or a stored agreement's NAME, whose [sharing] table says "
                  "which record fields PARTY sees (default: the agreement in force in the "
                  "workspace, else names and identity to the mediator, nothing to the other "
                  "party, never health or notes)");
  AddWorkspaceOption(*exp, ctx);
  exp->callback([&ctx, ex] { RunExport(ctx, *ex); });

  auto im = std::make_shared<ImportArgs>();
  auto* imp = bundle->add_subcommand(
      "import", "Import another party's bundle into its replica (all or nothing)");
  imp->add_option("FILE", im->file, "Bundle file")->required()->check(CLI::ExistingFile);
  imp->add_option("--trusted-keys", im->trusted_keys,
                  "Verifier keys whose checkpoint signature is accepted (default: "
                  "WORKSPACE/keys/trusted.keys)");
  imp->add_option("--list-prefix", im->list_prefix,
                  "Name disclosed lists PREFIX.LIST here (default: the sender's node name, "
                  "e.g. ru.ru-custody)");
  AddWorkspaceOption(*imp, ctx);
  imp->callback([&ctx, im] { RunImport(ctx, *im); });

  auto sh = std::make_shared<ShowArgs>();
  auto* show = bundle->add_subcommand(
      "show", "Verify a bundle and print the record fields it discloses (no workspace)");
  show->add_option("FILE", sh->file, "Bundle file")->required()->check(CLI::ExistingFile);
  show->add_option("--trusted-keys", sh->trusted_keys,
                   "Verifier keys: the checkpoint must carry a signature by one of them");
  AddJsonOption(*show, ctx);
  show->callback([&ctx, sh] { RunShow(ctx, *sh); });

  auto received_list = std::make_shared<std::string>();
  auto* received = bundle->add_subcommand(
      "received", "Records other parties disclosed in imported bundles (shown fields only)");
  received->add_option("--list", *received_list, "Only this list");
  AddWorkspaceOption(*received, ctx);
  AddJsonOption(*received, ctx);
  received->callback([&ctx, received_list] { RunReceived(ctx, *received_list); });

  synth->callback([args, &ctx] {
    auto r = Synth(*args);
    if (!r) {
      ReportError(r.error(), ctx);
      return;
    }
    ctx.exit_code = kExitOk;
  });
}

}  // namespace parley::cli
