// parley/cli/verify_fork_proof.h — `parley verify --fork-proof FILE [--trusted-keys FILE]`:
// a fork proof (ledger/fork_proof.h) checked offline, with public keys only.
#pragma once

#include <string>

#include "cli/context.h"

namespace parley::cli {

void RunVerifyForkProof(const std::string& file, const std::string& trusted_keys, CliContext& ctx);

}  // namespace parley::cli
