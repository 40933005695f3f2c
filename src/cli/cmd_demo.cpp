// `parley demo`: the main job on the embedded default store. It writes a synthetic scenario,
// imports every list of both parties and the mediator into a workspace, checks the store, and
// prints an account of what it did. Each import appends a signed event to the node's log; the
// demo ends by exporting the log as a bundle for the mediator and verifying that bundle on
// its own. Before that it adds the demo's agreement (examples/demo/demo-exchange.toml), signs
// it for both parties, each with its own key (ua-signer, ru-signer in WORKSPACE/keys, pinned in
// the agreement's [parties]), has the mediator's key (mediator-signer) witness it, proposes a
// plan from the confirmed persons (ua-custody and ru-custody as linked to the other side's
// requests), accepts and signs it for both sides with their keys, and witnesses it.
// Last, it adds one user per role and side for the browser UI (demo_users.h).
// Deterministic: a second run finds every list, the agreement, the plan and the users
// unchanged, appends no event, and writes the same bundle.
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include "cli/bundle_disclosure.h"
#include "cli/commands.h"
#include "cli/demo_agreement.h"
#include "cli/demo_users.h"
#include "cli/workspace_open.h"
#include "core/file_io.h"
#include "core/try.h"
#include "intake/import_flow.h"
#include "intake/reconcile_flow.h"
#include "ledger/verify.h"
#include "lists/csv_reader.h"
#include "negotiation/agreement_store.h"
#include "negotiation/plan_negotiation.h"
#include "negotiation/sharing_choice.h"
#include "server/auth/user_keys.h"
#include "store/event_log.h"
#include "synth/scenario_writer.h"

namespace parley::cli {

using intake::ImportFileReport;
using intake::ImportFileRequest;
using intake::ImportListFile;
using intake::ReconcileLists;
using intake::ReconcileRequest;

namespace {

struct DemoOptions {
  std::uint64_t people = 3000;
  std::uint64_t seed = 2022;
};

struct DemoList {
  const char* file;
  const char* list;
  ListKind kind;
  const char* side;
};

constexpr DemoList kDemoLists[] = {
    {"ua-request.csv", "ua-request", ListKind::kRequest, "ua"},
    {"ru-custody.csv", "ru-custody", ListKind::kCustody, "ru"},
    {"ru-request.csv", "ru-request", ListKind::kRequest, "ru"},
    {"ua-custody.csv", "ua-custody", ListKind::kCustody, "ua"},
    {"mediator.csv", "mediator", ListKind::kMediator, "mediator"},
};

void PrintScenario(const synth::SynthSummary& s, const std::filesystem::path& dir) {
  std::cout << "1. Wrote a synthetic scenario: " << s.people << " people (seed " << s.seed
            << ") in " << dir.string() << ".\n   Its dirt, as real lists have it:";
  int shown = 0;
  for (const auto& item : s.variations.Items()) {
    if (item.count == 0) continue;
    std::string name(item.name);
    std::replace(name.begin(), name.end(), '_', ' ');
    std::cout << (shown++ % 4 == 0 ? "\n     " : ", ") << item.count << " " << name;
  }
  std::cout << "\n";
}

void PrintImport(const DemoList& d, const ImportFileReport& r) {
  std::cout << "   " << std::left << std::setw(11) << d.list << std::right << std::setw(6)
            << r.record_count << " records  " << std::left << std::setw(9) << ListKindName(d.kind)
            << " of " << std::setw(9) << d.side << std::right;
  std::cout << "encoding " << std::left << std::setw(13) << r.file.encoding << std::right;
  if (r.outcome.unchanged) {
    std::cout << "unchanged, still version " << r.outcome.version << "\n";
  } else {
    std::cout << "version " << r.outcome.version << "\n";
  }
}

struct DemoPair {
  const char* left;
  const char* right;
};

constexpr DemoPair kDemoPairs[] = {
    {"ua-request", "ru-custody"}, {"mediator", "ru-custody"}, {"ru-request", "ua-custody"}};

// The scenario's truth (file,id,person_id), keyed by "list/id": the demo can say how right
// the reconciliation was, which no real exchange can.
Result<std::map<std::string, std::string>> ReadTruth(const std::filesystem::path& file) {
  PARLEY_ASSIGN_OR_RETURN(const std::string bytes, ReadWholeFile(file));
  auto table = ParseCsv(bytes, CsvOptions{',', file.string()});
  if (!table) return std::unexpected(table.error());
  std::map<std::string, std::string> truth;
  for (std::size_t i = 1; i < table->rows.size(); ++i) {
    auto cells = table->Cells(i);
    if (cells.size() < 3) continue;
    std::string list(cells[0].substr(0, cells[0].rfind('.')));
    truth[list + "/" + std::string(cells[1])] = std::string(cells[2]);
  }
  return truth;
}

struct PairAccuracy {
  std::int64_t auto_accepted = 0;
  std::int64_t auto_accepted_right = 0;
  std::int64_t needs_review = 0;
};

PairAccuracy Accuracy(const std::vector<store::StoredLink>& links, const DemoPair& pair,
                      const std::map<std::string, std::string>& truth) {
  PairAccuracy a;
  for (const auto& l : links) {
    if (l.left_list != pair.left || l.right_list != pair.right) continue;
    if (l.state == store::LinkState::kNeedsReview) ++a.needs_review;
    if (l.state != store::LinkState::kAutoAccepted) continue;
    ++a.auto_accepted;
    auto left = truth.find(std::string(pair.left) + "/" + l.left_key);
    auto right = truth.find(std::string(pair.right) + "/" + l.right_key);
    if (left != truth.end() && right != truth.end() && left->second == right->second) {
      ++a.auto_accepted_right;
    }
  }
  return a;
}

Result<void> ReconcileDemo(store::Workspace& ws, const std::filesystem::path& scenario_dir) {
  std::cout
      << "\n3. Reconciled the lists across scripts (Ukrainian, Russian, Latin); the scenario's\n"
         "   truth file says how many automatic links were right:\n";
  for (const DemoPair& pair : kDemoPairs) {
    ReconcileRequest request;
    request.left = pair.left;
    request.right = pair.right;
    request.actor = "demo";
    auto report = ReconcileLists(ws, request);
    if (!report) return std::unexpected(report.error());
  }
  auto truth = ReadTruth(scenario_dir / "truth.csv");
  if (!truth) return std::unexpected(truth.error());
  store::LinkStore store(ws);
  auto links = store.Links(std::nullopt);
  if (!links) return std::unexpected(links.error());
  for (const DemoPair& pair : kDemoPairs) {
    PairAccuracy a = Accuracy(*links, pair, *truth);
    std::cout << "   " << std::left << std::setw(11) << pair.left << " with " << std::setw(11)
              << pair.right << std::right << std::setw(6) << a.auto_accepted
              << " linked automatically (" << a.auto_accepted_right << " right), " << a.needs_review
              << " for an analyst to review\n";
  }
  return {};
}
Result<void> ExportForMediator(store::Workspace& ws, const std::filesystem::path& out);

void PrintDemoPlan(const negotiation::PlanOutcome& p) {
  const rules::Agreement& a = p.plan.agreement;
  std::cout << "   Candidates: ua holds " << p.a.held << ", of whom " << p.a.people.size()
            << " are asked for by ru or listed by the mediator; ru holds " << p.b.held
            << ",\n   of whom " << p.b.people.size()
            << " are asked for by ua or listed by the mediator.\n";
  std::cout << "   Plan " << p.info.id << " (" << negotiation::PlanStateName(p.info.state)
            << "): objective " << p.plan.objective << " people, solver " << p.plan.solver.status
            << ", gap " << p.plan.solver.gap << "\n";
  for (const plan::PhaseSummary& s : p.plan.phases) {
    std::cout << "     phase " << s.phase << ": " << a.party_a << " hands over " << s.a_count
              << ", " << a.party_b << " hands over " << s.b_count << "; balance";
    for (const plan::PoolBalance& b : s.pools) {
      std::cout << " " << b.pool << " " << b.a << ":" << b.b
                << (b.owed == 0 ? " even"
                                : " (owed " + std::to_string(b.owed < 0 ? -b.owed : b.owed) + ")");
    }
    std::cout << "\n";
  }
}

// The three signers of the demo, one key each in WORKSPACE/keys (made on the first run, read
// on the next, so the agreement text that pins them stays the same): each party's signer and
// the mediator's. Named as the demo users who hold them, to whom the keys are bound for the
// browser UI (server/auth/user_keys.h).
struct DemoKeys {
  ledger::SigningKey ua, ru, mediator;
};

Result<ledger::SigningKey> DemoKey(const std::filesystem::path& dir, const std::string& name) {
  const std::filesystem::path file = dir / "keys" / (name + ".key");
  if (std::filesystem::exists(file)) return ledger::LoadSigningKey(file, std::nullopt);
  PARLEY_ASSIGN_OR_RETURN(ledger::SigningKey key, ledger::GenerateSigningKey(name));
  PARLEY_TRY(ledger::WriteKeyFiles(key, dir / "keys", {}));
  return key;
}

Result<DemoKeys> EnsureDemoKeys(const std::filesystem::path& dir) {
  PARLEY_ASSIGN_OR_RETURN(ledger::SigningKey ua, DemoKey(dir, "ua-signer"));
  PARLEY_ASSIGN_OR_RETURN(ledger::SigningKey ru, DemoKey(dir, "ru-signer"));
  PARLEY_ASSIGN_OR_RETURN(ledger::SigningKey mediator, DemoKey(dir, "mediator-signer"));
  return DemoKeys{std::move(ua), std::move(ru), std::move(mediator)};
}

// The demo agreement with the three public keys pinned in its [parties] table, after b_side.
Result<std::string> PinnedDemoAgreement(const DemoKeys& keys) {
  std::string text(DemoAgreementText());
  const std::string anchor = "b_side = \"ru\"\n";
  const std::size_t at = text.find(anchor);
  if (at == std::string::npos) {
    return Fail(ErrorCode::kInternal,
                "examples/demo/demo-exchange.toml has no line b_side = \"ru\" to pin keys after");
  }
  text.insert(at + anchor.size(), "a_key = \"" + keys.ua.Public().VerifierKey() + "\"\nb_key = \"" +
                                      keys.ru.Public().VerifierKey() + "\"\nmediator_keys = [\"" +
                                      keys.mediator.Public().VerifierKey() + "\"]\n");
  return text;
}

// Step 4: the agreement signed by both parties, each with its own key, and witnessed by the
// mediator; a plan from the confirmed persons, accepted and signed by both sides, each with
// its own key, and witnessed. Every step is a no-op when the workspace already has it.
Result<void> PlanDemo(store::Workspace& ws, const DemoKeys& keys) {
  const store::Actor ua{"ua-signer", &keys.ua};
  const store::Actor ru{"ru-signer", &keys.ru};
  const store::Actor mediator{"mediator-signer", &keys.mediator};
  PARLEY_ASSIGN_OR_RETURN(const std::string text, PinnedDemoAgreement(keys));
  auto added =
      negotiation::AddAgreement(ws, "demo-exchange", text, "examples/demo/demo-exchange.toml", ua);
  if (!added) return std::unexpected(added.error());
  PARLEY_TRY(
      negotiation::WitnessAgreement(ws, "demo-exchange", added->agreement.version, mediator));
  for (auto [side, actor] : {std::pair{rules::Side::kA, ua}, std::pair{rules::Side::kB, ru}}) {
    auto signed_now =
        negotiation::SignAgreement(ws, "demo-exchange", added->agreement.version, side, actor);
    if (!signed_now) return std::unexpected(signed_now.error());
  }
  negotiation::ProposeRequest request;
  request.agreement = "demo-exchange";
  request.agreement_version = added->agreement.version;
  request.side_a = "ua";
  request.side_b = "ru";
  auto proposed = negotiation::ProposePlan(ws, request, ua);
  if (!proposed) return std::unexpected(proposed.error());
  for (auto approval : {negotiation::Approval::kAccept, negotiation::Approval::kSign}) {
    for (auto [side, actor] : {std::pair{rules::Side::kA, ua}, std::pair{rules::Side::kB, ru}}) {
      auto done = negotiation::ApprovePlan(ws, proposed->info.id, approval, side, actor);
      if (!done) return std::unexpected(done.error());
      proposed->info = done->info;
    }
  }
  PARLEY_TRY(negotiation::WitnessPlan(ws, proposed->info.id, mediator));
  std::cout << "\n4. Agreed and planned the exchange: agreement '" << added->agreement.name << "'@"
            << added->agreement.version << " " << (added->unchanged ? "unchanged" : "added")
            << " and signed by both parties,\n"
            << "   \"" << added->agreement.title << "\";\n"
            << "   plan " << (proposed->unchanged ? "unchanged" : "proposed")
            << " from the confirmed persons, accepted and signed by both sides.\n"
            << "   Three keys in " << (ws.dir() / "keys").string()
            << ": ua-signer and ru-signer, pinned in the agreement's [parties],\n"
            << "   each signed for its own party only; mediator-signer witnessed the agreement "
               "and the plan\n   (a witness, never a party's signature; the node key signs "
               "neither).\n";
  PrintDemoPlan(*proposed);
  // The plan holds confirmed persons only; say plainly who is left out for want of a review,
  // since a real exchange would review them before anyone signs.
  auto links = store::LinkStore(ws).Links(std::nullopt);
  if (!links) return std::unexpected(links.error());
  const auto waiting = std::count_if(links->begin(), links->end(), [](const auto& l) {
    return l.state == store::LinkState::kNeedsReview;
  });
  if (waiting > 0) {
    std::cout << "   Note: " << waiting << " links still wait for an analyst's review; the people "
              << "behind them are not in\n   this plan. In a real exchange they are reviewed "
              << "first (`parley review`) and the plan is made again\n   before anyone signs; "
              << "the demo signs at once to show every step.\n";
  }
  return {};
}

void RunDemo(CliContext& ctx, const DemoOptions& o) {
  std::filesystem::path dir = ctx.workspace;
  std::filesystem::path scenario_dir = dir / "demo-scenario";
  synth::SynthOptions synth_options;
  synth_options.people = o.people;
  synth_options.seed = o.seed;
  synth_options.legacy_encodings = true;  // lists arrive in UTF-8, Windows-1251 and UTF-16
  std::cout << "parley demo: a mediated exchange between parties ua and ru\n\n";
  auto scenario = synth::WriteScenario(synth_options, scenario_dir);
  if (!scenario) {
    ReportError(scenario.error(), ctx);
    return;
  }
  PrintScenario(*scenario, scenario_dir);

  auto ws = store::Workspace::Create(dir, {.node_name = "demo-node"});
  if (!ws) {
    ReportError(ws.error(), ctx);
    return;
  }
  std::cout << "\n2. Imported every list into the workspace " << dir.string()
            << " (all or nothing, each a frozen version):\n";
  for (const DemoList& d : kDemoLists) {
    ImportFileRequest req{scenario_dir / d.file, d.list, d.kind, d.side, {}, false, "demo"};
    ListFile rejected;
    auto report = ImportListFile(*ws, req, &rejected);
    if (!report) {
      // The generator only writes valid rows, so a refusal here is parley's own fault.
      Error e = report.error();
      e.code = ErrorCode::kInternal;
      ReportError(e, ctx);
      for (const auto& r : rejected.rejects) std::cerr << "  " << r.error.Describe() << "\n";
      return;
    }
    PrintImport(d, *report);
  }

  if (auto reconciled = ReconcileDemo(*ws, scenario_dir); !reconciled) {
    ReportError(reconciled.error(), ctx);
    return;
  }

  auto keys = EnsureDemoKeys(dir);
  if (!keys) {
    ReportError(keys.error(), ctx);
    return;
  }
  if (auto planned = PlanDemo(*ws, *keys); !planned) {
    ReportError(planned.error(), ctx);
    return;
  }

  if (auto r = ExportForMediator(*ws, dir / "record-for-mediator.bundle"); !r) {
    ReportError(r.error(), ctx);
    return;
  }
  auto integrity = ws->CheckIntegrity();
  if (!integrity) {
    ReportError(integrity.error(), ctx);
    return;
  }
  std::cout << "\n6. Integrity check: "
            << (integrity->ok() ? "the workspace is consistent."
                                : "PROBLEMS: " + integrity->problems.front())
            << "\n";
  auto users = EnsureDemoUsers(*ws, dir);
  if (!users) {
    ReportError(users.error(), ctx);
    return;
  }
  for (const ledger::SigningKey* key : {&keys->ua, &keys->ru, &keys->mediator}) {
    if (auto bound = server::BindUserKey(*ws, key->Name(), *key); !bound) {
      ReportError(bound.error(), ctx);
      return;
    }
  }
  std::cout << "\n7. " << (users->added ? "Added" : "Kept") << " " << users->names.size()
            << " users, one per role and side (ua-clerk, ru-analyst, mediator-checkpoint, ...);"
            << "\n   each side's signer holds its side's key for the API's signatures;"
            << "\n   their password is in " << users->password_file.string()
            << "\n   Open the browser UI: parley serve --workspace " << dir.string()
            << ", then http://127.0.0.1:8080/\n";
  std::cout << "\nLook around: parley lists --workspace " << dir.string()
            << "\n             parley show ua-request --workspace " << dir.string()
            << "\n             parley review --workspace " << dir.string()
            << "\n             parley person ru-custody:<id> --workspace " << dir.string()
            << "\n             parley plan list --workspace " << dir.string()
            << "\n             parley log --workspace " << dir.string()
            << "\n             parley verify --workspace " << dir.string() << "\n";
  if (!integrity->ok()) ctx.exit_code = kExitInternalError;
}

// Step 5: the record, as the mediator would receive it.
Result<void> ExportForMediator(store::Workspace& ws, const std::filesystem::path& out) {
  auto events = ws.Events();
  if (!events) return std::unexpected(events.error());
  // Under the agreement in force in the workspace, else the default policy (names and identity
  // to the mediator, never health): what `parley bundle export --for mediator` would do.
  auto sharing = negotiation::ChooseSharing(ws, "mediator", "");
  if (!sharing) return std::unexpected(sharing.error());
  auto bytes = store::ExportBundleFor(ws, std::nullopt, sharing->request, nullptr);
  if (!bytes) return std::unexpected(bytes.error());
  if (auto written = WriteFileAtomically(out, *bytes); !written) {
    return std::unexpected(written.error());
  }
  // Checked from the file, as a receiver with only the node's public key would.
  auto on_disk = ReadWholeFile(out);
  if (!on_disk) return std::unexpected(on_disk.error());
  auto verified =
      ledger::VerifyBundle(*on_disk, {.trusted = {(*events)->NodeKey().Public()}, .threads = 2});
  if (!verified) return std::unexpected(verified.error());
  std::cout << "\n5. Exported the signed record for the mediator: " << out.string() << "\n   "
            << verified->bundle.entries.size()
            << " events (one per list version submitted, reconciliation run, agreement "
               "signature and plan step; no names in them), checkpoint signed "
               "by the node key '"
            << (*events)->NodeKey().Name() << "'.\n   Verified the bundle on its own: "
            << (verified->trusted_signature
                    ? "every signature, the tree and the checkpoint check out."
                    : "UNTRUSTED checkpoint")
            << "\n";
  if (verified->disclosure) {
    std::size_t records = 0;
    for (const auto& l : verified->disclosure->lists) records += l.records.size();
    const FieldSummary fields = SummariseFields(*verified->disclosure);
    std::cout << "   It shows the mediator " << records
              << " records (default sharing policy), each value checked against the signed "
                 "records roots;\n   withheld as salted commitments only: "
              << JoinNames(fields.withheld) << ".\n";
  }
  return {};
}

}  // namespace

void RegisterDemoCommand(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<DemoOptions>();
  auto* cmd = app.add_subcommand(
      "demo", "Build a workspace from a synthetic scenario and print an account of each step");
  cmd->add_option("--people", o->people, "People in the scenario")->capture_default_str();
  cmd->add_option("--seed", o->seed, "Seed of the scenario")->capture_default_str();
  AddWorkspaceOption(*cmd, ctx);
  cmd->callback([&ctx, o] { RunDemo(ctx, *o); });
}

}  // namespace parley::cli
