// `parley verify --bundle FILE`: checks a bundle on its own, with no workspace (ledger/verify.h).
// Exit 0 when every entry, the checkpoint and the consistency proof check out; 1 naming the
// first bad entry or part of the file otherwise. `--workspace` verification of the node's own
// log is wired by the store (it opens the log through ledger::Ledger::Open, which verifies).
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "ledger/verify.h"

namespace parley::cli {
namespace {

struct VerifyArgs {
  std::string bundle;
  std::string trusted_keys;
  unsigned threads = 0;
};

void RunVerify(const VerifyArgs& args, CliContext& ctx) {
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
  auto bytes = ledger::ReadFileBytes(args.bundle);
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
  cmd->add_option("--bundle", args->bundle, "Bundle file to check on its own (no workspace)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--trusted-keys", args->trusted_keys,
                  "File of verifier keys (one per line): the checkpoint must carry a "
                  "signature by one of them");
  cmd->add_option("--threads", args->threads, "Signature-checking threads (default: all cores)");
  AddJsonOption(*cmd, ctx);
  cmd->callback([args, &ctx] { RunVerify(*args, ctx); });
}

}  // namespace parley::cli
