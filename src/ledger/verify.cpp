#include "ledger/verify.h"

#include <algorithm>
#include <map>
#include <optional>
#include <thread>

#include "ledger/event.h"
#include "ledger/proofs.h"

namespace parley::ledger {
namespace {

constexpr std::uint64_t kLogBatch = 1 << 15;

struct ChunkResult {
  std::optional<Error> error;  // the first failure in this chunk
};

void VerifyChunk(std::span<const std::string> leaves, std::uint64_t first_seq,
                 std::span<const PublicKey> signers, std::size_t begin, std::size_t end,
                 std::vector<Hash>& hashes, ChunkResult& result) {
  for (std::size_t i = begin; i < end; ++i) {
    auto signer = VerifyLeaf(leaves[i], first_seq + i);
    if (!signer) {
      result.error = signer.error();
      return;
    }
    if (!signers.empty() && std::find(signers.begin(), signers.end(), *signer) == signers.end()) {
      result.error = Error{ErrorCode::kCorruption,
                           "entry seq " + std::to_string(first_seq + i) + ": signer '" +
                               signer->name + "' is not among the bundle's keys",
                           {}};
      return;
    }
    hashes[i] = HashLeaf(leaves[i]);
  }
}

Result<void> CheckTrust(const Bundle& bundle, const NoteVerification& v,
                        const VerifyOptions& options, bool& trusted_signature) {
  for (const PublicKey& listed : bundle.keys) {
    for (const PublicKey& trusted : options.trusted) {
      if (trusted.name == listed.name && trusted.key != listed.key) {
        return Fail(
            ErrorCode::kCorruption,
            "keys: '" + listed.name + "' in the bundle is not the trusted key of that name");
      }
    }
  }
  trusted_signature = false;
  for (const PublicKey& signer : v.verified_by) {
    for (const PublicKey& trusted : options.trusted) trusted_signature |= trusted == signer;
  }
  if (options.require_trusted && !options.trusted.empty() && !trusted_signature) {
    return Fail(ErrorCode::kCorruption, "checkpoint: not signed by any trusted key");
  }
  return {};
}

// Content first, so that an altered value is named by list, record and field; then the
// signature, which binds the recipient and the choice of what was shown.
Result<Disclosure> CheckBundleDisclosure(const Bundle& b, const NoteVerification& v) {
  auto disclosure = ParseDisclosure(b.disclosure);
  if (!disclosure) return disclosure;
  if (auto r = CheckDisclosure(*disclosure, b.entries, b.since); !r) {
    return std::unexpected(r.error());
  }
  auto signer = std::find_if(v.verified_by.begin(), v.verified_by.end(),
                             [&](const PublicKey& k) { return k.name == disclosure->signer; });
  if (signer == v.verified_by.end()) {
    return Fail(ErrorCode::kCorruption, "disclosure: signed as '" + disclosure->signer +
                                            "', who did not sign the checkpoint");
  }
  if (!VerifyDisclosureSignature(b.disclosure, b.disclosure_signature, *signer)) {
    return Fail(ErrorCode::kCorruption,
                "disclosure: the signature by '" + signer->name + "' does not verify");
  }
  return disclosure;
}

}  // namespace

Result<std::vector<Hash>> VerifyEntries(std::span<const std::string> leaves,
                                        std::uint64_t first_seq, unsigned threads,
                                        std::span<const PublicKey> signers) {
  std::vector<Hash> hashes(leaves.size());
  const std::size_t n = leaves.size();
  const std::size_t parts = std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(n, 1));
  std::vector<ChunkResult> results(parts);
  {
    std::vector<std::jthread> workers;
    for (std::size_t t = 1; t < parts; ++t) {
      workers.emplace_back([&, t] {
        VerifyChunk(leaves, first_seq, signers, n * t / parts, n * (t + 1) / parts, hashes,
                    results[t]);
      });
    }
    VerifyChunk(leaves, first_seq, signers, 0, n / parts, hashes, results[0]);
  }
  for (ChunkResult& r : results) {
    if (r.error) return std::unexpected(std::move(*r.error));
  }
  return hashes;
}

Result<BundleVerification> VerifyBundle(std::string_view bytes, const VerifyOptions& options) {
  auto bundle = DecodeBundle(bytes);
  if (!bundle) return std::unexpected(bundle.error());
  BundleVerification out;
  out.bundle = std::move(*bundle);
  const Bundle& b = out.bundle;

  if (b.keys.empty() && !b.entries.empty()) {
    return Fail(ErrorCode::kCorruption, "keys: the bundle lists no keys");
  }
  auto hashes = VerifyEntries(b.entries, b.since, options.threads, b.keys);
  if (!hashes) return std::unexpected(hashes.error());
  out.leaf_hashes = std::move(*hashes);

  auto frontier = MerkleFrontier::FromHashes(b.since, b.frontier);
  if (!frontier) return Fail(ErrorCode::kCorruption, "frontier: " + frontier.error().message);
  out.old_root = frontier->Root();
  for (const Hash& h : out.leaf_hashes) frontier->Append(h);
  const Hash root = frontier->Root();

  auto opened = OpenCheckpoint(b.checkpoint, b.keys);
  if (!opened) return Fail(ErrorCode::kCorruption, "checkpoint: " + opened.error().message);
  if (!opened->verification.unknown.empty()) {
    return Fail(ErrorCode::kCorruption, "checkpoint: signed by '" +
                                            opened->verification.unknown.front().name +
                                            "', whose key the bundle does not list");
  }
  const Checkpoint& cp = opened->checkpoint;
  if (cp.origin != b.origin) {
    return Fail(ErrorCode::kCorruption,
                "checkpoint: origin '" + cp.origin + "' is not the bundle's '" + b.origin + "'");
  }
  if (cp.size != b.size) {
    return Fail(ErrorCode::kCorruption, "checkpoint: size " + std::to_string(cp.size) +
                                            " is not the bundle's " + std::to_string(b.size));
  }
  if (cp.root != root) {
    return Fail(ErrorCode::kCorruption,
                "checkpoint: root hash does not match the entries (an entry was changed, "
                "removed or reordered, or the frontier is wrong)");
  }
  if (auto r = CheckTrust(b, opened->verification, options, out.trusted_signature); !r) {
    return std::unexpected(r.error());
  }
  for (const PublicKey& k : opened->verification.verified_by) {
    out.checkpoint_signers.push_back(k.name);
  }
  if (auto r = VerifyConsistency(b.since, b.size, out.old_root, root, b.consistency_proof); !r) {
    return Fail(ErrorCode::kCorruption, "consistency proof from size " + std::to_string(b.since) +
                                            ": " + r.error().message);
  }
  out.checkpoint = cp;
  if (!b.disclosure.empty()) {
    auto disclosure = CheckBundleDisclosure(b, opened->verification);
    if (!disclosure) return std::unexpected(disclosure.error());
    out.disclosure = std::move(*disclosure);
  }
  for (std::size_t i = 0; i < b.cosignatures.size(); ++i) {
    auto cosignature = OpenCosignature(b.cosignatures[i], opened->verification.verified_by);
    if (!cosignature) {
      return Fail(ErrorCode::kCorruption, "cosignature " + std::to_string(i + 1) + " of " +
                                              std::to_string(b.cosignatures.size()) + ": " +
                                              cosignature.error().message);
    }
    out.cosignatures.push_back(std::move(*cosignature));
  }
  return out;
}

Result<LogVerification> VerifyLog(const EntryStorage& storage, const VerifyOptions& options,
                                  MerkleTree& tree) {
  if (tree.Size() != 0) return Fail(ErrorCode::kInternal, "VerifyLog needs an empty tree");
  const std::uint64_t size = storage.Size();
  tree.Reserve(size);
  for (std::uint64_t begin = 0; begin < size; begin += kLogBatch) {
    auto leaves = storage.Read(begin, std::min(kLogBatch, size - begin));
    if (!leaves) return std::unexpected(leaves.error());
    auto hashes = VerifyEntries(*leaves, begin, options.threads);
    if (!hashes) return std::unexpected(hashes.error());
    for (const Hash& h : *hashes) tree.Append(h);
  }
  LogVerification out{.size = size, .root = tree.Root(), .checkpoint_checked = false};
  auto note = storage.LoadCheckpoint();
  if (!note) return std::unexpected(note.error());
  if (*note) {
    // Signatures were checked when the checkpoint was made or imported; here the point is
    // that the entries still produce the root somebody signed.
    auto parsed = ParseSignedNote(**note);
    if (!parsed)
      return Fail(ErrorCode::kCorruption, "stored checkpoint: " + parsed.error().message);
    auto cp = ParseCheckpointBody(parsed->text);
    if (!cp) return std::unexpected(cp.error());
    if (!options.trusted.empty()) {
      if (auto v = VerifySignedNote(*parsed, options.trusted); !v) {
        return Fail(ErrorCode::kCorruption, "stored checkpoint: " + v.error().message);
      }
    }
    auto root = tree.RootAt(cp->size);
    if (!root) {
      return Fail(ErrorCode::kCorruption, "stored checkpoint is for size " +
                                              std::to_string(cp->size) + " but the log has only " +
                                              std::to_string(size) + " entries: entries were lost");
    }
    if (*root != cp->root) {
      return Fail(ErrorCode::kCorruption, "stored checkpoint's root does not match the first " +
                                              std::to_string(cp->size) +
                                              " entries: the log was rewritten");
    }
    out.checkpoint_checked = true;
  }
  return out;
}

}  // namespace parley::ledger
