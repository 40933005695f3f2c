#include "ledger/ledger.h"

#include <algorithm>

#include "core/try.h"
#include "ledger/party_signatures.h"
#include "ledger/proofs.h"

namespace parley::ledger {

void Ledger::Learn(const PublicKey& key) {
  if (std::find(known_keys_.begin(), known_keys_.end(), key) == known_keys_.end()) {
    known_keys_.push_back(key);
  }
}

Result<Ledger> Ledger::Open(std::unique_ptr<EntryStorage> storage, LedgerOptions options) {
  if (options.origin.empty() || options.origin.find('\n') != std::string::npos) {
    return Fail(ErrorCode::kInvalidInput, "a ledger needs a one-line origin");
  }
  Ledger ledger;
  ledger.storage_ = std::move(storage);
  ledger.options_ = std::move(options);
  for (const PublicKey& k : ledger.options_.trusted) ledger.Learn(k);
  if (!ledger.options_.verify_on_open) {
    if (auto r = ledger.RebuildFromLeafHashes(); !r) return std::unexpected(r.error());
    return ledger;
  }
  auto verified = VerifyLog(*ledger.storage_, {.trusted = {}, .threads = ledger.options_.threads},
                            ledger.tree_);
  if (!verified) return std::unexpected(verified.error());
  return ledger;
}

Result<void> Ledger::RebuildFromLeafHashes() {
  constexpr std::uint64_t kBatch = 65536;
  const std::uint64_t size = storage_->Size();
  tree_.Reserve(size);
  for (std::uint64_t begin = 0; begin < size; begin += kBatch) {
    auto hashes = storage_->ReadLeafHashes(begin, std::min(kBatch, size - begin));
    if (!hashes) return std::unexpected(hashes.error());
    for (const Hash& h : *hashes) tree_.Append(h);
  }
  auto note = storage_->LoadCheckpoint();
  if (!note) return std::unexpected(note.error());
  if (!*note) return {};
  auto parsed = ParseSignedNote(**note);
  if (!parsed) return Fail(ErrorCode::kCorruption, "stored checkpoint: " + parsed.error().message);
  auto cp = ParseCheckpointBody(parsed->text);
  if (!cp) return Fail(ErrorCode::kCorruption, "stored checkpoint: " + cp.error().message);
  auto root = tree_.RootAt(cp->size);
  if (!root || *root != cp->root) {
    return Fail(ErrorCode::kCorruption,
                "the stored checkpoint (size " + std::to_string(cp->size) +
                    ") does not match the stored entries: run `parley verify --workspace`");
  }
  return {};
}

Result<SignedEvent> Ledger::Append(Event event, const SigningKey& key) {
  event.seq = Size();
  auto signed_event = SignEvent(std::move(event), key);
  if (!signed_event) return signed_event;
  if (auto r = AppendSigned(std::span(&*signed_event, 1)); !r) return std::unexpected(r.error());
  return signed_event;
}

Result<void> Ledger::AppendSigned(std::span<const SignedEvent> events) {
  std::vector<std::string> leaves;
  std::vector<Hash> hashes;
  leaves.reserve(events.size());
  hashes.reserve(events.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (events[i].event.seq != Size() + i) {
      return Fail(ErrorCode::kInvalidInput, "entry seq " + std::to_string(events[i].event.seq) +
                                                ": the log expects seq " +
                                                std::to_string(Size() + i));
    }
    leaves.push_back(events[i].leaf_data);
    hashes.push_back(HashLeaf(leaves.back()));
  }
  if (auto r = storage_->AppendHashed(leaves, hashes); !r) return r;
  for (const Hash& h : hashes) tree_.Append(h);
  return {};
}

void Ledger::Rollback(std::uint64_t size) {
  if (size >= Size()) return;
  MerkleTree rebuilt;
  rebuilt.Reserve(size);
  for (std::uint64_t i = 0; i < size; ++i) rebuilt.Append(tree_.LeafHash(i));
  tree_ = std::move(rebuilt);
}

Result<std::string> Ledger::MakeCheckpoint(const SigningKey& key) {
  Checkpoint cp{.origin = options_.origin, .size = Size(), .root = Root(), .extensions = {}};
  auto note = SignCheckpoint(cp, key);
  if (!note) return note;
  if (auto r = storage_->SaveCheckpoint(*note); !r) return std::unexpected(r.error());
  Learn(key.Public());
  return note;
}

Result<std::string> Ledger::CosignCheckpoint(const SigningKey& key) {
  auto latest = storage_->LoadCheckpoint();
  if (!latest) return std::unexpected(latest.error());
  if (!*latest) return Fail(ErrorCode::kNotFound, "there is no checkpoint to cosign");
  auto note = ParseSignedNote(**latest);
  if (!note) return std::unexpected(note.error());
  auto cp = ParseCheckpointBody(note->text);
  if (!cp) return std::unexpected(cp.error());
  auto root = tree_.RootAt(cp->size);
  if (cp->origin != options_.origin || !root || *root != cp->root) {
    return Fail(ErrorCode::kConflict, "the stored checkpoint does not describe this log");
  }
  auto cosigned = Cosign(**latest, key);
  if (!cosigned) return cosigned;
  if (auto r = storage_->SaveCheckpoint(*cosigned); !r) return std::unexpected(r.error());
  Learn(key.Public());
  return cosigned;
}

Result<std::optional<std::string>> Ledger::LatestCheckpoint() const {
  return storage_->LoadCheckpoint();
}

Result<std::string> Ledger::ExportBundle(std::uint64_t since, const SignedDisclosure* disclosure,
                                         std::span<const std::string> cosignatures) const {
  if (since > Size()) {
    return Fail(ErrorCode::kInvalidInput, "--since " + std::to_string(since) +
                                              " is beyond the log's " + std::to_string(Size()) +
                                              " entries");
  }
  auto latest = storage_->LoadCheckpoint();
  if (!latest) return std::unexpected(latest.error());
  if (!*latest) return Fail(ErrorCode::kNotFound, "no checkpoint yet: make one before export");
  auto opened = OpenCheckpoint(**latest, known_keys_);
  if (!opened) return Fail(ErrorCode::kConflict, "latest checkpoint: " + opened.error().message);
  if (!opened->verification.unknown.empty()) {
    return Fail(ErrorCode::kNotFound, "the public key of checkpoint signer '" +
                                          opened->verification.unknown.front().name +
                                          "' is unknown: add it to the trusted keys");
  }
  if (opened->checkpoint.size != Size() || opened->checkpoint.root != Root()) {
    return Fail(ErrorCode::kConflict,
                "the latest checkpoint is for size " + std::to_string(opened->checkpoint.size) +
                    ", not the log's " + std::to_string(Size()) + ": make a new checkpoint first");
  }
  Bundle b;
  b.origin = options_.origin;
  b.since = since;
  b.size = Size();
  b.frontier = *tree_.FrontierAt(since);
  b.consistency_proof = *ConsistencyProof(tree_, since, Size());
  auto entries = storage_->Read(since, Size() - since);
  if (!entries) return std::unexpected(entries.error());
  b.entries = std::move(*entries);
  b.keys = opened->verification.verified_by;
  for (std::size_t i = 0; i < b.entries.size(); ++i) {
    auto signed_event = OpenLeaf(b.entries[i], since + i);
    if (!signed_event) return std::unexpected(signed_event.error());
    const PublicKey& signer = signed_event->signer;
    auto same_name = std::find_if(b.keys.begin(), b.keys.end(),
                                  [&](const PublicKey& k) { return k.name == signer.name; });
    if (same_name == b.keys.end()) {
      b.keys.push_back(signer);
    } else if (same_name->key != signer.key) {
      return Fail(ErrorCode::kUnsupported,
                  "entry seq " + std::to_string(since + i) + ": '" + signer.name +
                      "' signed with two different keys; bundles carry one key per name");
    }
  }
  b.checkpoint = std::move(**latest);
  if (disclosure != nullptr) {
    b.disclosure = disclosure->text;
    b.disclosure_signature = disclosure->signature;
  }
  b.cosignatures.assign(cosignatures.begin(), cosignatures.end());
  return EncodeBundle(b);
}

Result<BundleFit> Ledger::FitBundle(const BundleVerification& verified) const {
  const Bundle& b = verified.bundle;
  if (b.origin != options_.origin) {
    return Fail(ErrorCode::kConflict,
                "the bundle is of log '" + b.origin + "', this log is '" + options_.origin + "'");
  }
  if (b.since > Size()) {
    return Fail(ErrorCode::kConflict, "the bundle starts at entry seq " + std::to_string(b.since) +
                                          " but this log has only " + std::to_string(Size()) +
                                          " entries: import the earlier bundle first");
  }
  if (*tree_.FrontierAt(b.since) != b.frontier) {
    return Fail(ErrorCode::kConflict,
                "fork before entry seq " + std::to_string(b.since) +
                    ": the bundle's history up to there differs from this log's");
  }
  const std::uint64_t overlap_end = std::min(Size(), b.size);
  for (std::uint64_t seq = b.since; seq < overlap_end; ++seq) {
    if (tree_.LeafHash(seq) != verified.leaf_hashes[seq - b.since]) {
      return Fail(ErrorCode::kConflict,
                  "fork at entry seq " + std::to_string(seq) +
                      ": the bundle's entry differs from the one this log holds");
    }
  }
  return BundleFit{.held = Size(),
                   .already_held = overlap_end - b.since,
                   .adds = b.size > Size() ? b.size - Size() : 0};
}

Result<void> Ledger::CheckPartySignersOfImport(const Bundle& b) const {
  PARLEY_ASSIGN_OR_RETURN(std::vector<std::string> leaves, storage_->Read(0, b.since));
  leaves.insert(leaves.end(), b.entries.begin(), b.entries.end());
  PARLEY_ASSIGN_OR_RETURN(PartySignatureReport parties, CheckPartySignatures(leaves, 0));
  if (parties.ok()) return {};
  return Fail(ErrorCode::kConflict,
              "the bundle holds a party signature its agreement's pinned keys do not allow (" +
                  parties.mismatches.front() +
                  "); nothing was imported: ask the sender which key signed it");
}

Result<ForkProof> Ledger::ProveFork(const BundleVerification& verified) const {
  const Bundle& b = verified.bundle;
  PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> held_note, storage_->LoadCheckpoint());
  if (!held_note) return Fail(ErrorCode::kNotFound, "no checkpoint of this log is held");
  PARLEY_ASSIGN_OR_RETURN(OpenedCheckpoint held, OpenCheckpoint(*held_note, known_keys_));
  // The key that signed both checkpoints: the one that made two histories.
  const PublicKey* log_key = nullptr;
  for (const PublicKey& k : held.verification.verified_by) {
    for (const PublicKey& listed : b.keys) {
      const auto& signers = verified.checkpoint_signers;
      if (listed.name == k.name && listed.key == k.key &&
          std::find(signers.begin(), signers.end(), k.name) != signers.end()) {
        log_key = &k;
      }
    }
  }
  if (log_key == nullptr) {
    return Fail(ErrorCode::kNotFound, "no key signed both the held checkpoint and the bundle's");
  }
  const std::uint64_t held_size = held.checkpoint.size;
  if (held_size > Size() || b.since > held_size) {
    return Fail(ErrorCode::kNotFound, "the held checkpoint and the bundle do not overlap");
  }
  // The common size where both frontiers are given: the bundle's start when the histories
  // already differ there, else the first entry where they differ.
  std::uint64_t start = b.since;
  if (*tree_.FrontierAt(b.since) == b.frontier) {
    const std::uint64_t common = std::min(held_size, b.size);
    while (start < common && tree_.LeafHash(start) == verified.leaf_hashes[start - b.since]) {
      ++start;
    }
  }
  ForkSide a{.note = *held_note,
             .frontier = *tree_.FrontierAt(start),
             .leaf_hashes = {},
             .entry = std::nullopt};
  for (std::uint64_t seq = start; seq < held_size; ++seq)
    a.leaf_hashes.push_back(tree_.LeafHash(seq));
  if (start < held_size) {
    PARLEY_ASSIGN_OR_RETURN(std::vector<std::string> entry, storage_->Read(start, 1));
    a.entry = std::move(entry.front());
  }
  PARLEY_ASSIGN_OR_RETURN(MerkleFrontier frontier, MerkleFrontier::FromHashes(b.since, b.frontier));
  const auto skipped = static_cast<std::ptrdiff_t>(start - b.since);
  for (auto it = verified.leaf_hashes.begin(); it != verified.leaf_hashes.begin() + skipped; ++it) {
    frontier.Append(*it);
  }
  ForkSide bundle_side{
      .note = b.checkpoint,
      .frontier = frontier.Hashes(),
      .leaf_hashes = {verified.leaf_hashes.begin() + skipped, verified.leaf_hashes.end()},
      .entry = std::nullopt};
  if (start < b.size) bundle_side.entry = b.entries[static_cast<std::size_t>(skipped)];
  return MakeForkProof(options_.origin, *log_key, start, std::move(a), std::move(bundle_side));
}

Result<ImportReport> Ledger::ImportBundle(std::string_view bytes, std::optional<ForkProof>* fork) {
  if (options_.trusted.empty()) {
    // Without trusted keys anyone could make a bundle that verifies: refuse rather than
    // import a stranger's history.
    return Fail(ErrorCode::kInvalidInput,
                "no trusted keys are configured: cannot tell whose checkpoint to accept");
  }
  auto verified = VerifyBundle(bytes, {.trusted = options_.trusted, .threads = options_.threads});
  if (!verified) return std::unexpected(verified.error());
  auto fit = FitBundle(*verified);
  if (!fit) {
    if (fork != nullptr && fit.error().code == ErrorCode::kConflict) {
      // A refusal that is a fork (not a gap) gets its proof; no proof, the refusal stands.
      if (auto proof = ProveFork(*verified)) *fork = std::move(*proof);
    }
    return std::unexpected(fit.error());
  }
  const Bundle& b = verified->bundle;
  if (fit->adds == 0) {
    return Fail(ErrorCode::kConflict, "the bundle adds nothing: its " + std::to_string(b.size) +
                                          " entries are already in this log (a replayed bundle?)");
  }
  // A party signature made with a key its agreement does not pin is refused before anything is
  // stored: the log this node keeps of the other side must not hold a consent nobody gave. The
  // whole log is read, since the agreement.added that pins the keys may be in an earlier bundle.
  if (auto r = CheckPartySignersOfImport(b); !r) return std::unexpected(r.error());
  ImportReport report{.previous_size = Size(),
                      .new_size = b.size,
                      .checkpoint_signers = verified->checkpoint_signers,
                      .disclosure = std::move(verified->disclosure),
                      .checkpoint = b.checkpoint,
                      .cosignatures = std::move(verified->cosignatures)};
  const auto first_new = static_cast<std::ptrdiff_t>(Size() - b.since);
  std::span<const std::string> fresh(b.entries.begin() + first_new, b.entries.end());
  std::span<const Hash> fresh_hashes(verified->leaf_hashes.begin() + first_new,
                                     verified->leaf_hashes.end());
  if (auto r = storage_->AppendHashed(fresh, fresh_hashes); !r) return std::unexpected(r.error());
  for (std::size_t i = static_cast<std::size_t>(first_new); i < b.entries.size(); ++i) {
    tree_.Append(verified->leaf_hashes[i]);
  }
  if (auto r = storage_->SaveCheckpoint(b.checkpoint); !r) return std::unexpected(r.error());
  for (const PublicKey& k : b.keys) {
    if (std::find(verified->checkpoint_signers.begin(), verified->checkpoint_signers.end(),
                  k.name) != verified->checkpoint_signers.end()) {
      Learn(k);
    }
  }
  return report;
}

}  // namespace parley::ledger
