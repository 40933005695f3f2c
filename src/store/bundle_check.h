// parley/store/bundle_check.h — what a bundle proves against this workspace, without
// importing it.
//
// What it is for: POST /api/v1/bundles/verify, where a person looks at a bundle before anyone
// imports it. The bundle is verified whole with the import's own verifier
// (ledger::VerifyBundle, ledger/verify.h): every entry's signature, the tree, the checkpoint,
// the consistency proof and any disclosure section. The one difference: a checkpoint that no
// trusted key signed is reported (trusted_signature), not refused. Then the bundle is fitted
// against the log of its origin this workspace holds — the node's own log, a replica, or
// nothing yet — with ledger::Ledger::FitBundle, the checks an import makes before it appends
// (same history up to the bundle's start, the same entries where both hold them).
//
// Contract: nothing is written. The node's own key always counts as trusted (a node trusts
// its own checkpoints), besides `trusted` (keys/trusted.keys). The outer error is the
// workspace's (it could not be read); the bundle's own verdict is a value: `verified` holds
// the error naming the entry or the part of the file at fault, and when the bundle verifies,
// `fit` says how it stands against this workspace's log (an error names the fork or the gap).
// Call it outside any transaction: the fitting reads in a snapshot of its own, taken after the
// signature checks, so no read transaction is held while they run.
//
//   PARLEY_ASSIGN_OR_RETURN(BundleCheck check, CheckBundle(ws, bytes, trusted, 2));
//   if (!check.verified) ...           // "entry seq 3: signature does not verify"
//   else if (!*check.fit) ...          // "fork at entry seq 3: ..."
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "ledger/keys.h"
#include "ledger/ledger.h"
#include "ledger/verify.h"
#include "store/workspace.h"

namespace parley::store {

struct BundleCheck {
  Result<ledger::BundleVerification> verified;
  // The rest only when `verified` holds a value.
  std::vector<std::string> trusted_signers;  // checkpoint signers whose keys this node trusts
  bool own_log = false;                      // the bundle is of this node's own log
  bool replica_held = false;                 // this workspace holds a replica of its log
  std::optional<Result<ledger::BundleFit>> fit;
};

[[nodiscard]] Result<BundleCheck> CheckBundle(Workspace& ws, std::string_view bytes,
                                              std::vector<ledger::PublicKey> trusted,
                                              unsigned threads);

}  // namespace parley::store
