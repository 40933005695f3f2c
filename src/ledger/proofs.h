// parley/ledger/proofs.h — RFC 9162 inclusion and consistency proofs: making and checking.
//
// What it is for: a party that holds a checkpoint of size m checks that a new checkpoint of
// size n extends it (consistency proof) without the entries in between, and that a given
// entry is in a signed tree (inclusion proof) without the rest of the log.
//
// Contract: generation follows RFC 9162 §2.1.3.1 (PATH) and §2.1.4.1 (PROOF/SUBPROOF) on a
// MerkleTree; verification follows the iterative algorithms of §2.1.3.2 and §2.1.4.2 and
// needs only hashes. Verification returns kCorruption with a reason when a proof does not
// join the given roots. Edge cases RFC 9162 leaves to the caller are defined here:
// consistency from size 0 holds with an empty proof; from m == n holds when the roots are
// equal and the proof is empty.
//
// Why this design: generation walks RFC's recursion but reads every subtree root from the
// tree's per-level store (merkle_tree.h), so a proof over a million leaves costs ~20 lookups
// and ~40 hashes at most.
//
//   auto proof = ConsistencyProof(tree, 3, 7);
//   Result<void> ok = VerifyConsistency(3, 7, old_root, new_root, *proof);
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/error.h"
#include "ledger/merkle_tree.h"

namespace parley::ledger {

[[nodiscard]] Result<std::vector<Hash>> InclusionProof(const MerkleTree& tree, std::uint64_t index,
                                                       std::uint64_t size);
[[nodiscard]] Result<std::vector<Hash>> ConsistencyProof(const MerkleTree& tree,
                                                         std::uint64_t old_size,
                                                         std::uint64_t new_size);

[[nodiscard]] Result<void> VerifyInclusion(const Hash& leaf_hash, std::uint64_t index,
                                           std::uint64_t size, std::span<const Hash> proof,
                                           const Hash& root);
[[nodiscard]] Result<void> VerifyConsistency(std::uint64_t old_size, std::uint64_t new_size,
                                             const Hash& old_root, const Hash& new_root,
                                             std::span<const Hash> proof);

}  // namespace parley::ledger
