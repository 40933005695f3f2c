// parley/ledger/verify.h — checking a bundle or a whole log with no trust in its sender.
//
// What it is for: `parley verify --bundle FILE` (no workspace), bundle import, and the
// check of a workspace's own log after a restart. Each answers "is every entry signed by
// its actor, does the tree they form have the signed root, and does it extend what came
// before?" and, when not, names the first bad entry or the part of the file at fault.
//
// Contract:
//   - VerifyEntries checks each leaf (event.h OpenLeaf) and returns the leaf hashes; it
//     splits the work over `threads` threads (signature checks are 93% of the cost).
//     On failure the error names the lowest bad seq, whichever thread found it.
//   - VerifyBundle checks, in order: structure (bundle.h); every entry, and that every signer
//     is listed in the bundle's keys; the frontier; the checkpoint (origin, size, root,
//     and every signature by a listed key — unknown signers are refused, not ignored, so no
//     byte goes unchecked); that a trusted key signed it (when `trusted` is given; a listed
//     key with a trusted name but another key is refused); the consistency proof; and the
//     disclosure section, if any (disclosure.h: every shown value against its commitment,
//     the commitments against the signed records root, then its signature by a checkpoint
//     signer); and each cosignature (cosignature.h), which must be signed by a checkpoint
//     signer: the sending node vouches for the cosignatures it made, and no one else's.
//   - Nothing is kept or written: callers (Ledger::ImportBundle) accept the result whole.
//
// Why this design: the receiver recomputes the root itself from the entries and the
// frontier; the consistency proof is checked too, so a bundle whose frontier does not
// belong to the signed history is caught even by a verifier holding no log at all.
//
//   auto report = VerifyBundle(bytes, {.trusted = keys, .threads = 2});
//   if (!report) std::cerr << report.error().message;   // "entry seq 17: signature ..."
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "ledger/bundle.h"
#include "ledger/checkpoint.h"
#include "ledger/cosignature.h"
#include "ledger/disclosure.h"
#include "ledger/entry_storage.h"
#include "ledger/merkle_tree.h"

namespace parley::ledger {

struct VerifyOptions {
  std::vector<PublicKey> trusted;  // empty: check integrity only, trust no one in particular
  unsigned threads = 2;
  // false: a checkpoint no trusted key signed is reported (BundleVerification::
  // trusted_signature) instead of refused, for a bundle that is shown, not imported. A listed
  // key carrying a trusted name with another key is refused either way.
  bool require_trusted = true;
};

// `signers`: when not empty, every entry's (actor, public key) must be one of them.
[[nodiscard]] Result<std::vector<Hash>> VerifyEntries(std::span<const std::string> leaves,
                                                      std::uint64_t first_seq, unsigned threads,
                                                      std::span<const PublicKey> signers = {});

struct BundleVerification {
  Bundle bundle;
  Checkpoint checkpoint;
  Hash old_root{};                // root at bundle.since, from its frontier
  std::vector<Hash> leaf_hashes;  // of bundle.entries
  std::vector<std::string> checkpoint_signers;
  bool trusted_signature = false;         // a key from VerifyOptions::trusted signed it
  std::optional<Disclosure> disclosure;   // the checked disclosure section, if the bundle has one
  std::vector<Cosignature> cosignatures;  // checked: each signed by a checkpoint signer
};

[[nodiscard]] Result<BundleVerification> VerifyBundle(std::string_view bytes,
                                                      const VerifyOptions& options);

struct LogVerification {
  std::uint64_t size = 0;
  Hash root{};
  bool checkpoint_checked = false;  // the stored checkpoint matched the tree
};

// Reads the whole log in batches, verifies every entry and rebuilds the tree into `tree`
// (which must be empty). Checks the stored checkpoint, if any, against the tree.
[[nodiscard]] Result<LogVerification> VerifyLog(const EntryStorage& storage,
                                                const VerifyOptions& options, MerkleTree& tree);

}  // namespace parley::ledger
