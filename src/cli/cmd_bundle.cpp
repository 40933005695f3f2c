// `parley bundle ...`. Only the developer command `synth` lives here for now: it makes a
// synthetic signed log with throwaway keys and writes it as a bundle, for tests, demos and
// benchmarks. `bundle export` / `bundle import` over the workspace are wired by the store
// (ledger::Ledger::ExportBundle / ImportBundle).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "ledger/ledger.h"

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
  std::ofstream out(args.out, std::ios::binary | std::ios::trunc);
  out.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
  if (!out.flush()) return Fail(ErrorCode::kIoError, "cannot write", ledger::InFile(args.out));
  if (!args.trusted_out.empty()) {
    std::ofstream keys(args.trusted_out, std::ios::trunc);
    keys << "# synthetic keys that signed the checkpoint of " << args.out << "\n"
         << node->Public().VerifierKey() << "\n"
         << mediator->Public().VerifierKey() << "\n";
    if (!keys.flush()) {
      return Fail(ErrorCode::kIoError, "cannot write", ledger::InFile(args.trusted_out));
    }
  }
  std::cout << "wrote " << args.out << ": synthetic log " << args.origin << ", entries "
            << args.since << ".." << args.events << " (exclusive), " << bytes->size() << " bytes\n";
  return {};
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
