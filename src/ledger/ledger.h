// parley/ledger/ledger.h — the append-only signed log of one node: append, checkpoint,
// export a bundle, import a bundle.
//
// What it is for: the workspace store calls Append in the transaction of each state change;
// `parley bundle export/import` and `parley verify` use the rest. The Ledger owns an
// EntryStorage (entry_storage.h) and the in-memory Merkle tree of its leaf hashes.
//
// Contract:
//   - Open verifies every stored entry (signatures in parallel) and the stored checkpoint
//     before anything else happens; a log that fails is not opened. With
//     LedgerOptions::verify_on_open = false it trusts the stored leaf hashes instead and
//     checks only the stored checkpoint's root against them.
//   - Append(event, key) sets event.seq to Size(), signs it with `key` (key name == actor),
//     writes it through the storage and only then adds it to the tree. If the caller's
//     surrounding transaction is rolled back after Append, it must call Rollback(old_size).
//   - ImportBundle needs LedgerOptions::trusted: the bundle's checkpoint must carry a
//     signature by one of those keys.
//   - ImportBundle is all or nothing: the bundle is verified whole (verify.h), then checked
//     against this log (same origin; its frontier equals ours at `since`; entries we already
//     hold are byte-identical, else "fork at entry seq N"; a bundle adding nothing is a
//     replay and refused), then its new entries are appended in one storage Append.
//
// Why this design: the tree is rebuilt from storage on open rather than stored, so there is
// one source of truth (the entries) and nothing to keep in step after a crash.
//
//   auto storage = FileEntryStorage::Open(dir, {});
//   auto ledger = Ledger::Open(std::move(*storage), {.origin = "parley.example/ua"});
//   Event e{.seq = 0, .type = "list.submitted", .actor = "alice", .time = UtcNow(),
//           .body = {{"list", "custody-7"}}};          // note: `.body = {}` is JSON null
//   Result<SignedEvent> s = ledger->Append(std::move(e), alice_key);   // e.seq is assigned
//   auto note = ledger->MakeCheckpoint(node_key);
//   auto bytes = ledger->ExportBundle(0);
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/error.h"
#include "ledger/bundle.h"
#include "ledger/checkpoint.h"
#include "ledger/cosignature.h"
#include "ledger/entry_storage.h"
#include "ledger/event.h"
#include "ledger/fork_proof.h"
#include "ledger/keys.h"
#include "ledger/merkle_tree.h"
#include "ledger/verify.h"

namespace parley::ledger {

struct LedgerOptions {
  std::string origin;              // this log's checkpoint origin
  std::vector<PublicKey> trusted;  // keys whose checkpoints this node accepts on import
  unsigned threads = 2;
  // true: Open verifies every entry's signature (what `parley verify` and a node that does not
  // trust its own disk want). false: Open rebuilds the tree from the stored leaf hashes
  // (EntryStorage::ReadLeafHashes) and only checks that the stored checkpoint's root matches
  // it, so that a workspace opens in time proportional to hashing, not to signature checks.
  bool verify_on_open = true;
};

struct ImportReport {
  std::uint64_t previous_size = 0;
  std::uint64_t new_size = 0;
  std::vector<std::string> checkpoint_signers;
  std::optional<Disclosure> disclosure;   // checked (verify.h); the caller decides what to keep
  std::string checkpoint;                 // the bundle's signed checkpoint, now this replica's
  std::vector<Cosignature> cosignatures;  // checked signatures; the caller checks what they sign
};

// How a verified bundle of this log's origin stands against what this log holds.
struct BundleFit {
  std::uint64_t held = 0;          // entries this log holds
  std::uint64_t already_held = 0;  // entries of the bundle this log holds, byte for byte
  std::uint64_t adds = 0;          // entries importing it would append
};

// A disclosure section (disclosure.h) and its signature, ready to ride in a bundle.
struct SignedDisclosure {
  std::string text;
  std::string signature;
};

class Ledger {
 public:
  [[nodiscard]] static Result<Ledger> Open(std::unique_ptr<EntryStorage> storage,
                                           LedgerOptions options);

  [[nodiscard]] std::uint64_t Size() const { return tree_.Size(); }
  [[nodiscard]] Hash Root() const { return tree_.Root(); }
  [[nodiscard]] const MerkleTree& Tree() const { return tree_; }
  [[nodiscard]] const std::string& Origin() const { return options_.origin; }

  [[nodiscard]] Result<SignedEvent> Append(Event event, const SigningKey& key);
  // Appends already signed events (e.g. made in parallel); all or nothing.
  [[nodiscard]] Result<void> AppendSigned(std::span<const SignedEvent> events);
  // Forgets entries from `size` on in the tree (the storage must already have dropped them).
  void Rollback(std::uint64_t size);

  [[nodiscard]] const EntryStorage& Storage() const { return *storage_; }

  // Signs a checkpoint of the current tree with `key`, stores it as the latest, returns it.
  [[nodiscard]] Result<std::string> MakeCheckpoint(const SigningKey& key);
  // Adds another party's signature to the stored checkpoint (which must be the current one).
  [[nodiscard]] Result<std::string> CosignCheckpoint(const SigningKey& key);
  [[nodiscard]] Result<std::optional<std::string>> LatestCheckpoint() const;

  // A bundle of entries [since, Size()) with the latest checkpoint, which must be of the
  // current size (make or cosign it first). The bundle lists the keys of every entry signer
  // and checkpoint signer; a checkpoint signer's public key must be among the trusted keys
  // or have signed through this Ledger object.
  // With `disclosure`, the bundle carries that section (format version 2); it must refer
  // only to entries in [since, Size()) and be signed by a checkpoint signer.
  // `cosignatures` (cosignature.h notes this node made of other logs) ride along as they are.
  [[nodiscard]] Result<std::string> ExportBundle(
      std::uint64_t since, const SignedDisclosure* disclosure = nullptr,
      std::span<const std::string> cosignatures = {}) const;
  // With `fork`: when the bundle is refused because it forks from this log, *fork receives
  // the (unsigned) proof of it (ProveFork), if one can be made.
  [[nodiscard]] Result<ImportReport> ImportBundle(std::string_view bytes,
                                                  std::optional<ForkProof>* fork = nullptr);
  // A fork proof (fork_proof.h) of a verified bundle that disagrees with this log: the stored
  // checkpoint (A) against the bundle's (B), both signed by one key. kInvalidInput when they
  // agree; kNotFound when there is no stored checkpoint or no key signed both.
  [[nodiscard]] Result<ForkProof> ProveFork(const BundleVerification& verified) const;
  // ImportBundle's refusal of a party signature the pinned keys do not allow
  // (party_signatures.h), over this log's entries before the bundle and the bundle's.
  [[nodiscard]] Result<void> CheckPartySignersOfImport(const Bundle& b) const;
  // ImportBundle's checks of a verified bundle against this log, changing nothing: same
  // origin, no gap before it, the same history up to its start, the same entries where both
  // hold them. Errors (kConflict) name the fork or the gap; a bundle adding nothing fits.
  [[nodiscard]] Result<BundleFit> FitBundle(const BundleVerification& verified) const;

 private:
  Ledger() = default;
  std::unique_ptr<EntryStorage> storage_;
  LedgerOptions options_;
  MerkleTree tree_;
  std::vector<PublicKey> known_keys_;  // trusted keys and checkpoint signers seen since Open
  void Learn(const PublicKey& key);
  [[nodiscard]] Result<void> RebuildFromLeafHashes();
};

}  // namespace parley::ledger
