// parley/ledger/fork_proof.h — a portable, offline-checkable proof that a log forked.
//
// What it is for: a node keeps a replica of each other party's log. If a bundle of that log
// disagrees with the replica (the log's keeper showed two parties, or one party at two
// times, two different histories), import refuses it, and the importing node writes a fork
// proof: a JSON file any party, a court or an auditor can check with `parley verify
// --fork-proof FILE` and nothing but public keys.
//
// What the proof carries: the two signed checkpoint notes verbatim (A, the one the detector
// held; B, the bundle's), both signed by the same log key; for each, a frontier at a common
// size START (merkle_tree.h MerkleFrontier) and the leaf hashes from START to its size, so the
// verifier recomputes each signed root itself; the two entries (leaf data, event.h) at the
// fork seq when both are at hand; and the detecting node's signature over all of it.
//
// What it proves: the key LOG_KEY signed two checkpoints of one origin that lie on no common
// history: either the two frontiers at START differ (the histories differ before START) or
// the first leaf where they differ is FORK_SEQ. Whoever holds LOG_KEY signed both; no third
// party can make such a pair. The detector's signature only says who found and wrote the
// proof: the proof's strength is the log key's two signatures, and a proof re-signed by
// someone else proves the same fork.
//
// Format (JSON object, UTF-8):
//   {"format": "parley-fork-proof-v1", "origin": ORIGIN, "log_key": VERIFIER_KEY,
//    "start": START, "fork_seq": N | null (null: the histories differ before START),
//    "a": SIDE, "b": SIDE, "detected_by": VERIFIER_KEY, "signature": BASE64}
//   SIDE = {"note": SIGNED_NOTE, "frontier": [BASE64 hash, ...],
//           "leaf_hashes": [BASE64 hash, ...], "entry": BASE64 leaf data | null}
// The signature is the detector's Ed25519 signature of "parley-fork-proof-v1\n" followed by
// the canonical JSON (canonical_json.h) of the object without "signature".
//
// Contract: MakeForkProof refuses two histories that agree (kInvalidInput: there is no fork
// to prove). VerifyForkProof refuses, naming what failed: a note not validly signed by
// LOG_KEY, a log key that is not trusted (when `trusted` is given), a side whose hashes do not
// produce its note's root, a fork_seq or entry that does not match, a detector signature that
// does not verify (the file was changed), and two checkpoints that are consistent.
//
//   ForkSide held{.note = replica_note, .start = s, .frontier = ..., .leaf_hashes = ...};
//   Result<ForkProof> p = MakeForkProof(origin, log_key, std::move(held), std::move(bundle));
//   Result<std::string> json = SignForkProof(*p, node_key);
//   Result<ForkFinding> f = VerifyForkProof(*json, trusted_keys);
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "ledger/checkpoint.h"
#include "ledger/encoding.h"
#include "ledger/keys.h"

namespace parley::ledger {

inline constexpr std::string_view kForkProofFormat = "parley-fork-proof-v1";

// One of the two histories, from the common size `start` to its checkpoint's size.
struct ForkSide {
  std::string note;                  // the signed checkpoint, verbatim
  std::vector<Hash> frontier;        // perfect-subtree roots of [0, start)
  std::vector<Hash> leaf_hashes;     // leaves start, start+1, ..., size-1
  std::optional<std::string> entry;  // leaf data at fork_seq, when at hand
};

struct ForkProof {
  std::string origin;
  PublicKey log_key;
  std::uint64_t start = 0;
  std::optional<std::uint64_t> fork_seq;  // none: the histories differ before `start`
  ForkSide a;
  ForkSide b;
};

// `start` is where both sides' frontiers are given; fork_seq is computed (first differing
// leaf at or after start, or none when the frontiers differ). Refuses sides that agree.
[[nodiscard]] Result<ForkProof> MakeForkProof(std::string origin, PublicKey log_key,
                                              std::uint64_t start, ForkSide a, ForkSide b);
[[nodiscard]] Result<std::string> SignForkProof(const ForkProof& proof, const SigningKey& detector);

struct ForkFinding {
  std::string origin;
  PublicKey log_key;
  std::uint64_t size_a = 0;
  std::uint64_t size_b = 0;
  std::uint64_t start = 0;
  std::optional<std::uint64_t> fork_seq;
  PublicKey detected_by;
  bool log_key_trusted = false;  // `trusted` was given and holds the log key
  bool detector_trusted = false;
};

// `trusted` empty: the log key in the file is taken as given (and reported as unchecked).
[[nodiscard]] Result<ForkFinding> VerifyForkProof(std::string_view json,
                                                  std::span<const PublicKey> trusted);

}  // namespace parley::ledger
