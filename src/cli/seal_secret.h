// parley/cli/seal_secret.h — the one place the CLI finds a sealed workspace's secret.
//
// Every command that opens a workspace (AddWorkspaceOption) takes `--seal-passphrase-file F`
// (its first line is the passphrase) and `--seal-key-file F` (32 bytes, mode 0600); without
// them the environment: $PARLEY_SEAL_PASSPHRASE_FILE, $PARLEY_SEAL_PASSPHRASE,
// $PARLEY_SEAL_KEY_FILE, in that order. InstallSealSecretSource hands that search to the
// store (store/seal.h), which asks only when the workspace is sealed, so unsealed workspaces
// need none of it; `parley serve` asks once, at its first open.
#pragma once

#include "cli/context.h"
#include "store/seal.h"

namespace parley::cli {

// The secret named by ctx's flags or the environment; nullopt when none is named.
[[nodiscard]] Result<std::optional<store::SealSecret>> FindSealSecret(const CliContext& ctx);

// Makes FindSealSecret(ctx) the process's seal secret source. `ctx` must outlive the process's
// use of workspaces (it is main's).
void InstallSealSecretSource(const CliContext& ctx);

}  // namespace parley::cli
