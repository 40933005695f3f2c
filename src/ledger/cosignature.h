// parley/ledger/cosignature.h — one node's cosignature of another node's checkpoint.
//
// What it is for: each node keeps its own log; when it imports another node's bundle it
// cosigns the checkpoint that bundle carried, and its next bundles carry those cosignatures
// back, so every node ends up holding the other parties' signatures on its own checkpoints
// (`parley ledger checkpoints`). A cosignature says "I, the cosigner, saw this log at this size
// with this root": once the log's keeper holds it, the keeper cannot later show the cosigner a
// different history at that size without the cosigner noticing (see fork_proof.h).
//
// Wire: a C2SP signed note (signed_note.h) whose text is the checkpoint body (checkpoint.h)
// and which carries exactly one signature, the cosigner's. The log keeper's own signature is
// not repeated: the cosignature stands on its own, and a bundle carries no byte a listed key
// did not sign.
//
// Contract: OpenCosignature refuses a note with no signature, more than one, one by a key not
// in `keys`, or one that does not verify; CheckCosignatureOfLog refuses a cosignature of
// another log, of a size the tree does not reach, or of a root the tree does not have there.
//
//   Result<Cosignature> c = MakeCosignature(bundle_checkpoint_note, node_key);
//   Result<Cosignature> back = OpenCosignature(c->note, trusted_keys);
//   PARLEY_TRY(CheckCosignatureOfLog(*back, own_origin, own_tree));
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "core/error.h"
#include "ledger/checkpoint.h"
#include "ledger/keys.h"
#include "ledger/merkle_tree.h"

namespace parley::ledger {

struct Cosignature {
  Checkpoint checkpoint;
  PublicKey cosigner;
  std::string note;  // the checkpoint body signed by the cosigner alone
};

// The checkpoint of `checkpoint_note` (any signatures) cosigned by `key` alone.
[[nodiscard]] Result<Cosignature> MakeCosignature(std::string_view checkpoint_note,
                                                  const SigningKey& key);
[[nodiscard]] Result<Cosignature> OpenCosignature(std::string_view note,
                                                  std::span<const PublicKey> keys);
[[nodiscard]] Result<void> CheckCosignatureOfLog(const Cosignature& cosignature,
                                                 const std::string& origin, const MerkleTree& tree);

}  // namespace parley::ledger
