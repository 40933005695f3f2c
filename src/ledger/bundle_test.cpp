// Bundle format and tamper tests: every way a carried bundle can be wrong is refused, with an
// error that names the entry or the part of the file, and nothing is imported.
#include "ledger/bundle.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "ledger/ledger.h"
#include "ledger/test_support.h"
#include "ledger/verify.h"

namespace parley::ledger {
namespace {

using testing::MemoryStorage;
using testing::SampleEvent;

constexpr char kOrigin[] = "parley.test/ua-ru-2026";

struct Fixture {
  SigningKey node = *GenerateSigningKey("node-ua");
  SigningKey mediator = *GenerateSigningKey("mediator");
  SigningKey alice = *GenerateSigningKey("alice");
  SigningKey bob = *GenerateSigningKey("bob");
  std::vector<PublicKey> trusted = {node.Public(), mediator.Public()};

  Ledger NewLedger() const {
    return *Ledger::Open(std::make_unique<MemoryStorage>(),
                         {.origin = kOrigin, .trusted = trusted, .threads = 2});
  }
  // Appends n events alternating alice and bob, then a checkpoint cosigned by the mediator.
  void Grow(Ledger& ledger, int n, int tag = 0) const {
    for (int i = 0; i < n; ++i) {
      const SigningKey& who = (ledger.Size() % 2 == 0) ? alice : bob;
      ASSERT_TRUE(ledger.Append(SampleEvent(who.Name(), tag * 1000 + i), who).has_value());
    }
    ASSERT_TRUE(ledger.MakeCheckpoint(node).has_value());
    ASSERT_TRUE(ledger.CosignCheckpoint(mediator).has_value());
  }
};

std::string ErrorOf(std::string_view bytes, const std::vector<PublicKey>& trusted) {
  auto r = VerifyBundle(bytes, {.trusted = trusted, .threads = 2});
  return r ? "" : r.error().message;
}

TEST(Bundle, EncodeDecodeRoundTrip) {
  Fixture f;
  Ledger ledger = f.NewLedger();
  f.Grow(ledger, 5);
  auto bytes = ledger.ExportBundle(2);
  ASSERT_TRUE(bytes.has_value()) << bytes.error().message;
  auto b = DecodeBundle(*bytes);
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->origin, kOrigin);
  EXPECT_EQ(b->since, 2u);
  EXPECT_EQ(b->size, 5u);
  EXPECT_EQ(b->entries.size(), 3u);
  EXPECT_EQ(b->frontier.size(), 1u);
  EXPECT_EQ(b->keys.size(), 4u);  // node, mediator (checkpoint), alice, bob (entries)
  EXPECT_EQ(EncodeBundle(*b), *bytes);
  auto v = VerifyBundle(*bytes, {.trusted = f.trusted, .threads = 2});
  ASSERT_TRUE(v.has_value()) << v.error().message;
  EXPECT_TRUE(v->trusted_signature);
  EXPECT_EQ(v->checkpoint_signers, (std::vector<std::string>{"node-ua", "mediator"}));
}

// The acceptance test: flip every byte of a small bundle, one at a time, in two ways.
TEST(BundleTamper, EverySingleByteFlipIsRefused) {
  Fixture f;
  Ledger ledger = f.NewLedger();
  f.Grow(ledger, 6);
  const std::string good = *ledger.ExportBundle(3);  // frontier, proof, entries, cosigned note
  ASSERT_EQ(ErrorOf(good, f.trusted), "");
  std::map<std::string, int> reasons;
  for (std::size_t i = 0; i < good.size(); ++i) {
    for (unsigned char mask : {0x01, 0x80}) {
      std::string bad = good;
      bad[i] = static_cast<char>(bad[i] ^ mask);
      // Integrity alone (no trusted keys) must already catch it.
      const std::string why = ErrorOf(bad, {});
      ASSERT_NE(why, "") << "flip of byte " << i << " with mask " << int(mask) << " accepted";
      ++reasons[why.substr(0, why.find(':'))];
    }
  }
  // The errors point at many different parts, not one generic "bad file".
  EXPECT_GE(reasons.size(), 8u);
  for (const char* part : {"header", "entry seq 3", "entry seq 5", "checkpoint",
                           "consistency proof from size 3", "keys"}) {
    EXPECT_TRUE(reasons.contains(part)) << "no flip was blamed on " << part;
  }
}

TEST(BundleTamper, FlipsInKnownPlacesNameThem) {
  Fixture f;
  Ledger ledger = f.NewLedger();
  f.Grow(ledger, 6);
  const std::string good = *ledger.ExportBundle(3);
  const Bundle b = *DecodeBundle(good);
  auto flip_at = [&](std::size_t pos) {
    std::string bad = good;
    bad[pos] ^= 0x01;
    return ErrorOf(bad, {});
  };
  // The last byte of entry seq 4's leaf is in its signature (even seqs are alice's).
  const std::size_t entry4 = good.find(b.entries[1]);
  EXPECT_EQ(flip_at(entry4 + b.entries[1].size() - 1),
            "entry seq 4: signature by 'alice' does not verify");
  // A byte of the event JSON: "n":1 → "n":0 changes a signed value.
  const std::size_t value = good.find("\"person\":\"P-4\"", entry4);
  EXPECT_EQ(flip_at(value + 12), "entry seq 4: signature by 'alice' does not verify");
  EXPECT_EQ(flip_at(0), "header: not a parley bundle (bad magic)");
  EXPECT_EQ(flip_at(good.size() - 1), "end marker is damaged");
  const std::size_t frontier = good.find(std::string(AsChars(b.frontier[0])));
  EXPECT_EQ(flip_at(frontier),
            "checkpoint: root hash does not match the entries (an entry was changed, removed or "
            "reordered, or the frontier is wrong)");
  // Search after the frontier: the proof may repeat one of its hashes.
  const std::size_t proof =
      good.find(std::string(AsChars(b.consistency_proof[0])), frontier + 32 * b.frontier.size());
  EXPECT_EQ(flip_at(proof),
            "consistency proof from size 3: consistency proof does not match "
            "the old root");
  const std::size_t note = good.find(b.checkpoint);
  EXPECT_EQ(flip_at(note + 3),
            "checkpoint: signature by 'node-ua' does not verify: the note "
            "was altered");
}

TEST(BundleTamper, EveryTruncationIsRefused) {
  Fixture f;
  Ledger ledger = f.NewLedger();
  f.Grow(ledger, 4);
  const std::string good = *ledger.ExportBundle(1);
  std::set<std::string> reasons;
  for (std::size_t len = 0; len < good.size(); ++len) {
    const std::string why = ErrorOf(good.substr(0, len), {});
    ASSERT_NE(why, "") << "truncation to " << len << " bytes accepted";
    reasons.insert(why);
  }
  EXPECT_TRUE(reasons.contains("bundle is truncated in entry seq 3"));
  EXPECT_TRUE(reasons.contains("bundle is truncated in the checkpoint"));
  EXPECT_TRUE(reasons.contains("bundle is truncated in the end marker"));
  EXPECT_EQ(ErrorOf(good + "x", {}), "1 unexpected bytes after the end marker");
}

TEST(BundleTamper, ReorderedEntriesAreRefused) {
  Fixture f;
  Ledger ledger = f.NewLedger();
  f.Grow(ledger, 5);
  Bundle b = *DecodeBundle(*ledger.ExportBundle(0));
  std::swap(b.entries[2], b.entries[3]);
  EXPECT_EQ(ErrorOf(EncodeBundle(b), {}), "entry seq 2: event says seq 3 (entries out of order?)");
  // Dropping an entry and shrinking the header to match: the checkpoint no longer fits.
  b = *DecodeBundle(*ledger.ExportBundle(0));
  b.entries.pop_back();
  b.size -= 1;
  EXPECT_EQ(ErrorOf(EncodeBundle(b), {}), "checkpoint: size 5 is not the bundle's 4");
}

TEST(BundleTamper, UntrustedOrImpersonatingSignersAreRefused) {
  Fixture f;
  Ledger ledger = f.NewLedger();
  f.Grow(ledger, 3);
  const std::string good = *ledger.ExportBundle(0);
  auto other = GenerateSigningKey("other-node");
  EXPECT_EQ(ErrorOf(good, {other->Public()}), "checkpoint: not signed by any trusted key");
  // A trusted "mediator" whose key is not the one in the bundle.
  auto fake_mediator = GenerateSigningKey("mediator");
  EXPECT_EQ(ErrorOf(good, {fake_mediator->Public()}),
            "keys: 'mediator' in the bundle is not the trusted key of that name");
  // A checkpoint signature whose key the bundle does not list.
  Bundle b = *DecodeBundle(good);
  b.checkpoint = *Cosign(b.checkpoint, *other);
  EXPECT_EQ(ErrorOf(EncodeBundle(b), {}),
            "checkpoint: signed by 'other-node', whose key the bundle does not list");
  // A signer of entries missing from the key list.
  b = *DecodeBundle(good);
  std::erase_if(b.keys, [](const PublicKey& k) { return k.name == "bob"; });
  EXPECT_EQ(ErrorOf(EncodeBundle(b), {}),
            "entry seq 1: signer 'bob' is not among the bundle's keys");
  // Bob's key listed under another name.
  b = *DecodeBundle(good);
  for (PublicKey& k : b.keys) {
    if (k.name == "bob") k.name = "robert";
  }
  EXPECT_EQ(ErrorOf(EncodeBundle(b), {}),
            "entry seq 1: signer 'bob' is not among the bundle's keys");
}

TEST(BundleImport, ReplayedBundleIsRefused) {
  Fixture f;
  Ledger sender = f.NewLedger();
  Ledger receiver = f.NewLedger();
  f.Grow(sender, 3);
  const std::string first = *sender.ExportBundle(0);
  ASSERT_TRUE(receiver.ImportBundle(first).has_value());
  f.Grow(sender, 2);
  const std::string second = *sender.ExportBundle(3);
  auto report = receiver.ImportBundle(second);
  ASSERT_TRUE(report.has_value()) << report.error().message;
  EXPECT_EQ(report->previous_size, 3u);
  EXPECT_EQ(report->new_size, 5u);
  EXPECT_EQ(receiver.Root(), sender.Root());
  EXPECT_EQ(receiver.ImportBundle(first).error().message,
            "the bundle adds nothing: its 3 entries are already in this log (a replayed "
            "bundle?)");
  EXPECT_EQ(receiver.ImportBundle(second).error().message,
            "the bundle adds nothing: its 5 entries are already in this log (a replayed "
            "bundle?)");
  EXPECT_EQ(receiver.Size(), 5u);
}

// A party signature made with a key the agreement does not pin for that party is refused at
// import, even when the agreement came in an earlier bundle; nothing is imported.
TEST(BundleImport, PartySignatureWithAKeyTheAgreementDoesNotPinIsRefused) {
  Fixture f;
  Ledger sender = f.NewLedger();
  Ledger receiver = f.NewLedger();
  auto append = [&](const SigningKey& key, std::string type, nlohmann::json body) {
    Event e{.seq = 0,
            .type = std::move(type),
            .actor = key.Name(),
            .time = "2026-12-05T10:00:00Z",
            .body = std::move(body)};
    ASSERT_TRUE(sender.Append(std::move(e), key).has_value());
    ASSERT_TRUE(sender.MakeCheckpoint(f.node).has_value());
  };
  append(f.node, "agreement.added",
         {{"agreement", "deal"},
          {"version", 1},
          {"a_key", f.alice.Public().VerifierKey()},
          {"b_key", f.bob.Public().VerifierKey()}});
  ASSERT_TRUE(receiver.ImportBundle(*sender.ExportBundle(0)).has_value());
  append(f.bob, "agreement.signed", {{"agreement", "deal"}, {"version", 1}, {"party", "a"}});
  auto refused = receiver.ImportBundle(*sender.ExportBundle(1));
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(
      refused.error().message.find("party signature its agreement's pinned keys do not allow"),
      std::string::npos)
      << refused.error().message;
  EXPECT_EQ(receiver.Size(), 1u) << "nothing imported";

  Ledger honest = f.NewLedger();
  Ledger honest_receiver = f.NewLedger();
  sender = std::move(honest);
  append(f.node, "agreement.added",
         {{"agreement", "deal"},
          {"version", 1},
          {"a_key", f.alice.Public().VerifierKey()},
          {"b_key", f.bob.Public().VerifierKey()}});
  append(f.alice, "agreement.signed", {{"agreement", "deal"}, {"version", 1}, {"party", "a"}});
  auto accepted = honest_receiver.ImportBundle(*sender.ExportBundle(0));
  ASSERT_TRUE(accepted.has_value()) << accepted.error().message;
  EXPECT_EQ(honest_receiver.Size(), 2u);
}

TEST(BundleImport, ForkFromTheSameCheckpointIsRefused) {
  Fixture f;
  Ledger sender = f.NewLedger();
  Ledger receiver = f.NewLedger();
  f.Grow(sender, 3);
  ASSERT_TRUE(receiver.ImportBundle(*sender.ExportBundle(0)).has_value());
  // The sender's node signs two different continuations of the checkpoint at size 3.
  Ledger forked = f.NewLedger();
  std::vector<SignedEvent> history;
  for (std::uint64_t seq = 0; seq < 3; ++seq) {
    history.push_back(*OpenLeaf((*DecodeBundle(*sender.ExportBundle(0))).entries[seq], seq));
  }
  ASSERT_TRUE(forked.AppendSigned(history).has_value());
  f.Grow(sender, 2, /*tag=*/1);
  f.Grow(forked, 2, /*tag=*/2);
  ASSERT_NE(sender.Root(), forked.Root());
  ASSERT_TRUE(receiver.ImportBundle(*sender.ExportBundle(3)).has_value());
  const std::uint64_t size_before = receiver.Size();
  const Hash root_before = receiver.Root();
  EXPECT_EQ(receiver.ImportBundle(*forked.ExportBundle(3)).error().message,
            "fork at entry seq 3: the bundle's entry differs from the one this log holds");
  // The fork also extended further than the receiver: still refused, nothing imported.
  f.Grow(forked, 3, /*tag=*/3);
  EXPECT_EQ(receiver.ImportBundle(*forked.ExportBundle(3)).error().message,
            "fork at entry seq 3: the bundle's entry differs from the one this log holds");
  EXPECT_EQ(receiver.Size(), size_before);
  EXPECT_EQ(receiver.Root(), root_before);
  // A fork whose history differs before `since`: caught by the frontier.
  Ledger other = f.NewLedger();
  f.Grow(other, 6, /*tag=*/4);
  EXPECT_EQ(receiver.ImportBundle(*other.ExportBundle(5)).error().message,
            "fork before entry seq 5: the bundle's history up to there differs from this log's");
}

TEST(BundleImport, GapsAndOtherLogsAreRefused) {
  Fixture f;
  Ledger sender = f.NewLedger();
  Ledger receiver = f.NewLedger();
  f.Grow(sender, 4);
  EXPECT_EQ(receiver.ImportBundle(*sender.ExportBundle(2)).error().message,
            "the bundle starts at entry seq 2 but this log has only 0 entries: import the "
            "earlier bundle first");
  Ledger elsewhere = *Ledger::Open(std::make_unique<MemoryStorage>(),
                                   {.origin = "parley.test/other", .trusted = f.trusted});
  EXPECT_EQ(elsewhere.ImportBundle(*sender.ExportBundle(0)).error().message,
            "the bundle is of log 'parley.test/ua-ru-2026', this log is 'parley.test/other'");
  Ledger trusting_nobody = *Ledger::Open(std::make_unique<MemoryStorage>(),
                                         {.origin = kOrigin, .trusted = {}, .threads = 2});
  EXPECT_EQ(trusting_nobody.ImportBundle(*sender.ExportBundle(0)).error().message,
            "no trusted keys are configured: cannot tell whose checkpoint to accept");
  // Trusting someone else: the checkpoint's signers are not accepted.
  auto stranger = GenerateSigningKey("stranger");
  Ledger trusting_stranger =
      *Ledger::Open(std::make_unique<MemoryStorage>(),
                    {.origin = kOrigin, .trusted = {stranger->Public()}, .threads = 2});
  EXPECT_EQ(trusting_stranger.ImportBundle(*sender.ExportBundle(0)).error().message,
            "checkpoint: not signed by any trusted key");
  EXPECT_EQ(trusting_stranger.Size(), 0u);
}

TEST(BundleImport, StorageFailureImportsNothing) {
  Fixture f;
  Ledger sender = f.NewLedger();
  f.Grow(sender, 4);
  auto storage = std::make_unique<MemoryStorage>();
  MemoryStorage* raw = storage.get();
  Ledger receiver = *Ledger::Open(std::move(storage), {.origin = kOrigin, .trusted = f.trusted});
  raw->fail_next_append = true;
  EXPECT_EQ(receiver.ImportBundle(*sender.ExportBundle(0)).error().message,
            "disk full (simulated)");
  EXPECT_EQ(receiver.Size(), 0u);
  EXPECT_TRUE(receiver.ImportBundle(*sender.ExportBundle(0)).has_value());
}

TEST(BundleFit, SaysWhatABundleWouldAddAndNamesAForkWithoutChangingTheLog) {
  Fixture f;
  Ledger sender = f.NewLedger();
  Ledger receiver = f.NewLedger();
  f.Grow(sender, 3);
  const std::string first = *sender.ExportBundle(0);
  auto verified = VerifyBundle(first, {.trusted = f.trusted, .threads = 2});
  ASSERT_TRUE(verified.has_value());
  auto fresh = receiver.FitBundle(*verified);
  ASSERT_TRUE(fresh.has_value()) << fresh.error().message;
  EXPECT_EQ(fresh->held, 0u);
  EXPECT_EQ(fresh->already_held, 0u);
  EXPECT_EQ(fresh->adds, 3u);
  EXPECT_EQ(receiver.Size(), 0u);  // fitting imports nothing
  ASSERT_TRUE(receiver.ImportBundle(first).has_value());
  // The same bundle again fits (it is what the log holds) and adds nothing.
  auto held = receiver.FitBundle(*verified);
  ASSERT_TRUE(held.has_value());
  EXPECT_EQ(held->already_held, 3u);
  EXPECT_EQ(held->adds, 0u);
  // A continuation from an earlier point overlaps and extends.
  f.Grow(sender, 2);
  auto longer = VerifyBundle(*sender.ExportBundle(1), {.trusted = f.trusted, .threads = 2});
  ASSERT_TRUE(longer.has_value());
  auto extends = receiver.FitBundle(*longer);
  ASSERT_TRUE(extends.has_value());
  EXPECT_EQ(extends->held, 3u);
  EXPECT_EQ(extends->already_held, 2u);
  EXPECT_EQ(extends->adds, 2u);
  // Another history of the same origin is a fork, named where it starts.
  Ledger other = f.NewLedger();
  f.Grow(other, 4, /*tag=*/7);
  auto forked = VerifyBundle(*other.ExportBundle(0), {.trusted = f.trusted, .threads = 2});
  ASSERT_TRUE(forked.has_value());
  EXPECT_EQ(receiver.FitBundle(*forked).error().message,
            "fork at entry seq 0: the bundle's entry differs from the one this log holds");
  EXPECT_EQ(receiver.Size(), 3u);
}

TEST(BundleTrust, AnUntrustedCheckpointCanBeReportedInsteadOfRefused) {
  Fixture f;
  Ledger ledger = f.NewLedger();
  f.Grow(ledger, 2);
  const std::string good = *ledger.ExportBundle(0);
  auto stranger = GenerateSigningKey("stranger");
  auto shown =
      VerifyBundle(good, {.trusted = {stranger->Public()}, .threads = 2, .require_trusted = false});
  ASSERT_TRUE(shown.has_value()) << shown.error().message;
  EXPECT_FALSE(shown->trusted_signature);
  auto trusted = VerifyBundle(good, {.trusted = f.trusted, .threads = 2, .require_trusted = false});
  ASSERT_TRUE(trusted.has_value());
  EXPECT_TRUE(trusted->trusted_signature);
  // Impersonation is refused even when trust is only reported.
  auto fake_mediator = GenerateSigningKey("mediator");
  auto impersonated = VerifyBundle(
      good, {.trusted = {fake_mediator->Public()}, .threads = 2, .require_trusted = false});
  ASSERT_FALSE(impersonated.has_value());
  EXPECT_EQ(impersonated.error().message,
            "keys: 'mediator' in the bundle is not the trusted key of that name");
}

}  // namespace
}  // namespace parley::ledger
