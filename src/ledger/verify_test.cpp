#include "ledger/verify.h"

#include <gtest/gtest.h>

#include "ledger/test_support.h"

namespace parley::ledger {
namespace {

std::vector<std::string> SignedLeaves(int n, const SigningKey& key) {
  std::vector<std::string> leaves;
  for (int i = 0; i < n; ++i) {
    Event e = testing::SampleEvent(key.Name(), i);
    e.seq = static_cast<std::uint64_t>(i);
    leaves.push_back(SignEvent(e, key)->leaf_data);
  }
  return leaves;
}

TEST(VerifyEntries, ParallelResultEqualsSerial) {
  auto key = GenerateSigningKey("alice");
  const auto leaves = SignedLeaves(101, *key);
  auto one = VerifyEntries(leaves, 0, 1);
  auto three = VerifyEntries(leaves, 0, 3);
  ASSERT_TRUE(one.has_value());
  ASSERT_TRUE(three.has_value());
  EXPECT_EQ(*one, *three);
  EXPECT_EQ((*one)[57], HashLeaf(leaves[57]));
}

TEST(VerifyEntries, NamesTheFirstBadEntryWhicheverThreadFindsIt) {
  auto key = GenerateSigningKey("alice");
  auto leaves = SignedLeaves(40, *key);
  leaves[35].back() ^= 1;  // found by the second thread
  leaves[12].back() ^= 1;  // found by the first
  for (unsigned threads : {1u, 2u, 4u}) {
    EXPECT_EQ(VerifyEntries(leaves, 0, threads).error().message,
              "entry seq 12: signature by 'alice' does not verify")
        << threads;
  }
  EXPECT_TRUE(VerifyEntries({}, 0, 2).has_value());
}

TEST(VerifyLog, DetectsRewrittenOrLostEntriesAgainstTheCheckpoint) {
  auto key = GenerateSigningKey("alice");
  testing::MemoryStorage storage;
  const auto leaves = SignedLeaves(10, *key);
  ASSERT_TRUE(storage.Append(leaves).has_value());
  MerkleTree tree;
  for (const auto& l : leaves) tree.Append(HashLeaf(l));
  storage.checkpoint_ =
      *SignCheckpoint({.origin = "o", .size = 10, .root = tree.Root(), .extensions = {}}, *key);
  MerkleTree rebuilt;
  auto ok = VerifyLog(storage, {.trusted = {key->Public()}, .threads = 2}, rebuilt);
  ASSERT_TRUE(ok.has_value()) << ok.error().message;
  EXPECT_TRUE(ok->checkpoint_checked);
  EXPECT_EQ(ok->root, tree.Root());

  storage.entries_.pop_back();
  MerkleTree t2;
  EXPECT_EQ(VerifyLog(storage, {}, t2).error().message,
            "stored checkpoint is for size 10 but the log has only 9 entries: entries were lost");
  // Replace the tail with other, validly signed entries: the root no longer matches.
  Event other = testing::SampleEvent("alice", 99);
  other.seq = 9;
  storage.entries_.push_back(SignEvent(other, *key)->leaf_data);
  MerkleTree t3;
  EXPECT_EQ(VerifyLog(storage, {}, t3).error().message,
            "stored checkpoint's root does not match the first 10 entries: the log was rewritten");
}

}  // namespace
}  // namespace parley::ledger
