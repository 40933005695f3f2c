#include "cli/verify_fork_proof.h"

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "core/file_io.h"
#include "ledger/fork_proof.h"

namespace parley::cli {

void RunVerifyForkProof(const std::string& file, const std::string& trusted_keys, CliContext& ctx) {
  std::vector<ledger::PublicKey> trusted;
  if (!trusted_keys.empty()) {
    auto keys = ledger::LoadVerifierKeys(trusted_keys);
    if (!keys) {
      ReportError(keys.error(), ctx);
      return;
    }
    trusted = std::move(*keys);
  }
  auto text = ReadWholeFile(file);
  auto finding = text ? ledger::VerifyForkProof(*text, trusted)
                      : Result<ledger::ForkFinding>(std::unexpected(text.error()));
  if (!finding) {
    Error e = finding.error();
    e.where.file = file;
    ReportError(e, ctx);
    return;
  }
  const ledger::ForkFinding& f = *finding;
  const std::string where = f.fork_seq ? "at entry seq " + std::to_string(*f.fork_seq)
                                       : "before entry seq " + std::to_string(f.start);
  if (ctx.json) {
    std::cout << nlohmann::json{{"ok", true},
                                {"origin", f.origin},
                                {"log_key", f.log_key.VerifierKey()},
                                {"size_a", f.size_a},
                                {"size_b", f.size_b},
                                {"fork_seq", f.fork_seq ? nlohmann::json(*f.fork_seq) : nullptr},
                                {"start", f.start},
                                {"detected_by", f.detected_by.VerifierKey()},
                                {"log_key_trusted", f.log_key_trusted},
                                {"detector_trusted", f.detector_trusted}}
                     .dump(2)
              << "\n";
  } else {
    std::cout << "fork proved: " << file << ": log " << f.origin << "\n"
              << "the key '" << f.log_key.name << "' signed two checkpoints of this log (sizes "
              << f.size_a << " and " << f.size_b << ") whose histories differ " << where << "\n"
              << "both signatures verify and each checkpoint's root is recomputed from the "
                 "proof's hashes\n"
              << "detected and signed by '" << f.detected_by.name << "'"
              << (f.detector_trusted ? " (a trusted key)" : " (not among the trusted keys)")
              << "\n";
  }
  if (!f.log_key_trusted) {
    std::cerr << "parley: warning: no --trusted-keys given: the proof is consistent, but whether '"
              << f.log_key.name << "' is really the log's key was not checked\n";
  }
  ctx.exit_code = kExitOk;
}

}  // namespace parley::cli
