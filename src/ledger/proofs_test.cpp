// Reject paths of proof verification: every way a proof can be wrong is refused.
#include "ledger/proofs.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstring>

namespace parley::ledger {
namespace {

MerkleTree Tree(std::size_t n) {
  MerkleTree tree;
  for (std::size_t i = 0; i < n; ++i) tree.Append(HashLeaf("e" + std::to_string(i)));
  return tree;
}

TEST(Proofs, InclusionRejectsAnyChangedProofHash) {
  const MerkleTree tree = Tree(37);
  for (std::uint64_t m = 0; m < 37; ++m) {
    auto proof = *InclusionProof(tree, m, 37);
    for (std::size_t i = 0; i < proof.size(); ++i) {
      auto bad = proof;
      bad[i][5] ^= 1;
      EXPECT_FALSE(VerifyInclusion(tree.LeafHash(m), m, 37, bad, tree.Root()).has_value());
    }
    // Right proof, wrong index.
    EXPECT_FALSE(VerifyInclusion(tree.LeafHash(m), (m + 1) % 37, 37, proof, tree.Root()));
  }
}

TEST(Proofs, InclusionErrorsSayWhy) {
  const MerkleTree tree = Tree(8);
  auto proof = *InclusionProof(tree, 3, 8);
  auto longer = proof;
  longer.push_back(Hash{});
  EXPECT_EQ(VerifyInclusion(tree.LeafHash(3), 3, 8, longer, tree.Root()).error().message,
            "inclusion proof is too long");
  auto shorter = proof;
  shorter.pop_back();
  EXPECT_EQ(VerifyInclusion(tree.LeafHash(3), 3, 8, shorter, tree.Root()).error().message,
            "inclusion proof is too short");
  EXPECT_EQ(VerifyInclusion(tree.LeafHash(3), 8, 8, proof, tree.Root()).error().message,
            "entry index is outside the tree");
  EXPECT_EQ(VerifyInclusion(tree.LeafHash(4), 3, 8, proof, tree.Root()).error().message,
            "inclusion proof does not lead to the root");
  EXPECT_FALSE(InclusionProof(tree, 3, 9).has_value());
}

TEST(Proofs, ConsistencyRejectsForksAndChangedHashes) {
  const MerkleTree a = Tree(20);
  MerkleTree b;  // same first 10 entries, then a different history
  for (std::size_t i = 0; i < 20; ++i) {
    b.Append(HashLeaf((i < 10 ? "e" : "fork") + std::to_string(i)));
  }
  auto proof = *ConsistencyProof(b, 12, 20);
  EXPECT_EQ(VerifyConsistency(12, 20, *a.RootAt(12), b.Root(), proof).error().message,
            "consistency proof does not match the old root");
  auto good = *ConsistencyProof(a, 12, 20);
  for (std::size_t i = 0; i < good.size(); ++i) {
    auto bad = good;
    bad[i][0] ^= 0x80;
    EXPECT_FALSE(VerifyConsistency(12, 20, *a.RootAt(12), a.Root(), bad).has_value());
  }
  EXPECT_EQ(VerifyConsistency(12, 20, *a.RootAt(12), b.Root(), good).error().message,
            "consistency proof does not match the new root");
}

TEST(Proofs, ConsistencyEdgeCases) {
  const MerkleTree t = Tree(16);
  EXPECT_TRUE(VerifyConsistency(0, 16, Hash{}, t.Root(), {}).has_value());
  EXPECT_TRUE(VerifyConsistency(16, 16, t.Root(), t.Root(), {}).has_value());
  EXPECT_EQ(VerifyConsistency(16, 16, t.Root(), *t.RootAt(15), {}).error().message,
            "same tree size with different roots: a fork");
  EXPECT_EQ(VerifyConsistency(8, 16, *t.RootAt(8), t.Root(), {}).error().message,
            "consistency proof is empty");
  EXPECT_EQ(VerifyConsistency(9, 8, Hash{}, Hash{}, {}).error().message,
            "the old tree is larger than the new one");
  auto p = *ConsistencyProof(t, 8, 16);  // power-of-two old size: the old root is implied
  EXPECT_EQ(p.size(), 1u);
  EXPECT_TRUE(VerifyConsistency(8, 16, *t.RootAt(8), t.Root(), p).has_value());
  EXPECT_FALSE(ConsistencyProof(t, 3, 17).has_value());
}

TEST(Proofs, MillionLeafProofsAreFast) {
  MerkleTree tree;
  tree.Reserve(1 << 20);
  for (std::uint32_t i = 0; i < (1u << 20) + 3; ++i) {
    Hash h{};
    std::memcpy(h.data(), &i, sizeof i);
    tree.Append(h);
  }
  const auto start = std::chrono::steady_clock::now();
  for (std::uint64_t m = 1; m < tree.Size(); m += 9973) {
    auto p = *ConsistencyProof(tree, m, tree.Size());
    ASSERT_TRUE(VerifyConsistency(m, tree.Size(), *tree.RootAt(m), tree.Root(), p).has_value());
    auto ip = *InclusionProof(tree, m, tree.Size());
    ASSERT_TRUE(VerifyInclusion(tree.LeafHash(m), m, tree.Size(), ip, tree.Root()).has_value());
  }
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  EXPECT_LT(ms, 2000) << "about 105 proof pairs over 2^20 leaves";
}

}  // namespace
}  // namespace parley::ledger
