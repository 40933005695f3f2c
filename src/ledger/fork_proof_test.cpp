// Fork proofs: a bundle that disagrees with the replica yields a proof that verifies offline;
// every alteration of a proof, and a "proof" of two consistent checkpoints, is refused.
#include "ledger/fork_proof.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "ledger/ledger.h"
#include "ledger/test_support.h"
#include "ledger/verify.h"

namespace parley::ledger {
namespace {

using testing::MemoryStorage;
using testing::SampleEvent;

constexpr char kOrigin[] = "parley.test/ru-node";

struct Fixture {
  SigningKey node = *GenerateSigningKey("node-ru");
  SigningKey detector = *GenerateSigningKey("node-mediator");
  SigningKey stranger = *GenerateSigningKey("node-ru");  // same name, another key
  std::vector<PublicKey> trusted = {node.Public()};

  Ledger NewLedger() const {
    return *Ledger::Open(std::make_unique<MemoryStorage>(),
                         {.origin = kOrigin, .trusted = trusted, .threads = 2});
  }
  void Grow(Ledger& ledger, int n, int tag) const {
    for (int i = 0; i < n; ++i) {
      ASSERT_TRUE(ledger.Append(SampleEvent(node.Name(), tag * 1000 + i), node).has_value());
    }
    ASSERT_TRUE(ledger.MakeCheckpoint(node).has_value());
  }
  // The sender's first `n` entries, re-appended to a fresh ledger: a copy of its history.
  Ledger CopyOf(const Ledger& sender, std::uint64_t n) const {
    Ledger copy = NewLedger();
    auto leaves = sender.Storage().Read(0, n);
    std::vector<SignedEvent> events;
    for (std::uint64_t seq = 0; seq < n; ++seq) events.push_back(*OpenLeaf((*leaves)[seq], seq));
    EXPECT_TRUE(copy.AppendSigned(events).has_value());
    return copy;
  }
};

// Imports `bytes` into `receiver`, expects a fork refusal and returns the signed proof.
std::string ProofOfRefusedImport(Ledger& receiver, const std::string& bytes, const Fixture& f) {
  std::optional<ForkProof> fork;
  auto refused = receiver.ImportBundle(bytes, &fork);
  EXPECT_FALSE(refused.has_value());
  EXPECT_TRUE(fork.has_value());
  if (!fork) return "";
  return *SignForkProof(*fork, f.detector);
}

TEST(ForkProof, ForkAtAnEntryIsProvedAndVerifiesOffline) {
  Fixture f;
  Ledger sender = f.NewLedger();
  f.Grow(sender, 3, 0);
  Ledger forked = f.CopyOf(sender, 3);
  f.Grow(sender, 2, 1);
  f.Grow(forked, 4, 2);
  Ledger receiver = f.NewLedger();
  ASSERT_TRUE(receiver.ImportBundle(*sender.ExportBundle(0)).has_value());
  const std::string proof = ProofOfRefusedImport(receiver, *forked.ExportBundle(0), f);
  EXPECT_EQ(receiver.Size(), 5u);  // nothing imported

  auto finding = VerifyForkProof(proof, f.trusted);
  ASSERT_TRUE(finding.has_value()) << finding.error().message;
  EXPECT_EQ(finding->fork_seq, std::optional<std::uint64_t>(3));
  EXPECT_EQ(finding->size_a, 5u);
  EXPECT_EQ(finding->size_b, 7u);
  EXPECT_EQ(finding->log_key.name, "node-ru");
  EXPECT_EQ(finding->detected_by.name, "node-mediator");
  EXPECT_TRUE(finding->log_key_trusted);
  EXPECT_FALSE(finding->detector_trusted);
  // Both entries at the fork are carried, and they differ.
  auto j = nlohmann::json::parse(proof);
  EXPECT_NE(j["a"]["entry"], j["b"]["entry"]);
  EXPECT_TRUE(j["a"]["entry"].is_string());
}

TEST(ForkProof, SameSizeDifferentRootAndForkBeforeTheBundleStart) {
  Fixture f;
  Ledger sender = f.NewLedger();
  f.Grow(sender, 4, 0);
  Ledger receiver = f.NewLedger();
  ASSERT_TRUE(receiver.ImportBundle(*sender.ExportBundle(0)).has_value());
  // Same size 4, another history from the start: fork at seq 0.
  Ledger other = f.NewLedger();
  f.Grow(other, 4, 5);
  auto same_size = VerifyForkProof(ProofOfRefusedImport(receiver, *other.ExportBundle(0), f), {});
  ASSERT_TRUE(same_size.has_value()) << same_size.error().message;
  EXPECT_EQ(same_size->fork_seq, std::optional<std::uint64_t>(0));
  EXPECT_FALSE(same_size->log_key_trusted);  // no trusted keys given: reported, not assumed
  // A bundle starting at 4 whose history before 4 differs: the frontiers differ.
  f.Grow(other, 2, 6);
  auto before =
      VerifyForkProof(ProofOfRefusedImport(receiver, *other.ExportBundle(4), f), f.trusted);
  ASSERT_TRUE(before.has_value()) << before.error().message;
  EXPECT_EQ(before->fork_seq, std::nullopt);
  EXPECT_EQ(before->start, 4u);
}

TEST(ForkProof, AGapIsNotAForkAndGetsNoProof) {
  Fixture f;
  Ledger sender = f.NewLedger();
  f.Grow(sender, 4, 0);
  Ledger receiver = f.NewLedger();
  std::optional<ForkProof> fork;
  EXPECT_FALSE(receiver.ImportBundle(*sender.ExportBundle(2), &fork).has_value());
  EXPECT_FALSE(fork.has_value());
}

struct ForkedProof {
  Fixture f;
  std::string proof;
  ForkedProof() {
    Ledger sender = f.NewLedger();
    f.Grow(sender, 3, 0);
    Ledger forked = f.CopyOf(sender, 2);
    f.Grow(forked, 2, 9);
    Ledger receiver = f.NewLedger();
    EXPECT_TRUE(receiver.ImportBundle(*sender.ExportBundle(0)).has_value());
    proof = ProofOfRefusedImport(receiver, *forked.ExportBundle(0), f);
  }
};

std::string ErrorOf(const std::string& proof, const std::vector<PublicKey>& trusted) {
  auto r = VerifyForkProof(proof, trusted);
  return r ? "accepted" : r.error().message;
}

TEST(ForkProof, AnAlteredProofIsRefused) {
  ForkedProof p;
  ASSERT_EQ(ErrorOf(p.proof, p.f.trusted), "accepted");
  auto j = nlohmann::json::parse(p.proof);
  // One byte of a note's root changed: the detector's signature no longer verifies.
  auto altered = j;
  std::string note = altered["b"]["note"];
  note[note.find('\n', note.find('\n') + 1) + 1] ^= 1;
  altered["b"]["note"] = note;
  EXPECT_EQ(ErrorOf(altered.dump(), p.f.trusted),
            "fork proof: the signature by the detecting node 'node-mediator' does not verify: "
            "the file was changed after it was made");
  // Not JSON, unknown fields, missing fields.
  EXPECT_EQ(ErrorOf("{", p.f.trusted), "fork proof: the file is not JSON");
  altered = j;
  altered["extra"] = 1;
  EXPECT_EQ(ErrorOf(altered.dump(), p.f.trusted),
            "fork proof: the proof: unexpected field 'extra'");
  // A log key the verifier does not trust (same name, another key).
  EXPECT_EQ(ErrorOf(p.proof, {p.f.stranger.Public()}),
            "fork proof: the log key 'node-ru' is not among the trusted keys: this proof is about "
            "a log you do not know, or its key was replaced");
}

TEST(ForkProof, ReSignedForgeriesAreRefusedOnTheirContent) {
  ForkedProof p;
  auto j = nlohmann::json::parse(p.proof);
  // A forger who re-signs the proof with their own key still cannot change what it shows.
  auto resign = [&](ForkProof proof) { return *SignForkProof(proof, p.f.detector); };
  auto side = [&](const nlohmann::json& s) {
    ForkSide out{.note = s["note"], .frontier = {}, .leaf_hashes = {}, .entry = std::nullopt};
    for (const auto& h : s["frontier"]) {
      Hash x{};
      auto b = *DecodeBase64(h.get<std::string>());
      std::copy(b.begin(), b.end(), x.begin());
      out.frontier.push_back(x);
    }
    for (const auto& h : s["leaf_hashes"]) {
      Hash x{};
      auto b = *DecodeBase64(h.get<std::string>());
      std::copy(b.begin(), b.end(), x.begin());
      out.leaf_hashes.push_back(x);
    }
    if (s["entry"].is_string()) out.entry = *DecodeBase64(s["entry"].get<std::string>());
    return out;
  };
  const ForkProof real{.origin = j["origin"],
                       .log_key = *ParseVerifierKey(j["log_key"].get<std::string>()),
                       .start = j["start"],
                       .fork_seq = j["fork_seq"].get<std::uint64_t>(),
                       .a = side(j["a"]),
                       .b = side(j["b"])};
  ASSERT_EQ(ErrorOf(resign(real), p.f.trusted), "accepted");
  // Two consistent checkpoints: A twice.
  ForkProof consistent = real;
  consistent.b = consistent.a;
  consistent.fork_seq = std::nullopt;
  EXPECT_EQ(ErrorOf(resign(consistent), p.f.trusted),
            "fork proof: checkpoints A (size 3) and B (size 3) lie on one history: this is not "
            "a fork");
  EXPECT_EQ(MakeForkProof(real.origin, real.log_key, real.start, real.a, real.a).error().code,
            ErrorCode::kInvalidInput);
  // A leaf hash changed: the side no longer produces its signed root.
  ForkProof hashed = real;
  hashed.b.leaf_hashes.back()[0] ^= 1;
  EXPECT_EQ(ErrorOf(resign(hashed), p.f.trusted),
            "fork proof: checkpoint B: its hashes do not produce the signed root (a hash was "
            "changed)");
  // A note signed by another key than the log's.
  ForkProof foreign = real;
  foreign.b.note =
      *SignCheckpoint(*ParseCheckpointBody(ParseSignedNote(real.b.note)->text), p.f.stranger);
  EXPECT_EQ(ErrorOf(resign(foreign), p.f.trusted).substr(0, 75),
            "fork proof: checkpoint B: not validly signed by the log key 'node-ru' (no s");
  // A wrong fork seq, or an entry that is not the one at the fork.
  ForkProof seq = real;
  seq.fork_seq = 0;
  EXPECT_EQ(ErrorOf(resign(seq), p.f.trusted),
            "fork proof: fork_seq does not match the hashes (they first differ at seq 2)");
  ForkProof entry = real;
  entry.a.entry = entry.b.entry;
  EXPECT_EQ(ErrorOf(resign(entry), p.f.trusted),
            "fork proof: a.entry is not the entry at seq 2 of that history");
}

}  // namespace
}  // namespace parley::ledger
