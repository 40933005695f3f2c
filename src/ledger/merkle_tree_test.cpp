// Differential and vector tests of the RFC 9162 tree: MerkleTree against a naive recursive
// reference written straight from the RFC, and against merkle_vectors.json, produced by an
// independent Python script (tests/vectors/merkle_vectors.py) using only hashlib.
#include "ledger/merkle_tree.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "ledger/proofs.h"

namespace parley::ledger {
namespace {

std::uint64_t Split(std::uint64_t n) {
  std::uint64_t k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

// MTH straight from RFC 9162 §2.1.1, over a copy-free slice.
Hash NaiveRoot(const std::vector<Hash>& leaves, std::uint64_t begin, std::uint64_t end) {
  const std::uint64_t n = end - begin;
  if (n == 0) return EmptyTreeRoot();
  if (n == 1) return leaves[begin];
  const std::uint64_t k = Split(n);
  return HashChildren(NaiveRoot(leaves, begin, begin + k), NaiveRoot(leaves, begin + k, end));
}

std::vector<Hash> NaivePath(const std::vector<Hash>& leaves, std::uint64_t m, std::uint64_t begin,
                            std::uint64_t end) {
  const std::uint64_t n = end - begin;
  if (n <= 1) return {};
  const std::uint64_t k = Split(n);
  std::vector<Hash> out;
  if (m < k) {
    out = NaivePath(leaves, m, begin, begin + k);
    out.push_back(NaiveRoot(leaves, begin + k, end));
  } else {
    out = NaivePath(leaves, m - k, begin + k, end);
    out.push_back(NaiveRoot(leaves, begin, begin + k));
  }
  return out;
}

std::vector<Hash> NaiveSubproof(const std::vector<Hash>& leaves, std::uint64_t m,
                                std::uint64_t begin, std::uint64_t end, bool whole) {
  const std::uint64_t n = end - begin;
  if (m == n) return whole ? std::vector<Hash>{} : std::vector<Hash>{NaiveRoot(leaves, begin, end)};
  const std::uint64_t k = Split(n);
  std::vector<Hash> out;
  if (m <= k) {
    out = NaiveSubproof(leaves, m, begin, begin + k, whole);
    out.push_back(NaiveRoot(leaves, begin + k, end));
  } else {
    out = NaiveSubproof(leaves, m - k, begin + k, end, false);
    out.push_back(NaiveRoot(leaves, begin, begin + k));
  }
  return out;
}

std::vector<Hash> TestLeaves(std::size_t n) {
  std::vector<Hash> leaves;
  for (std::size_t i = 0; i < n; ++i) leaves.push_back(HashLeaf("leaf-" + std::to_string(i)));
  return leaves;
}

std::string Hex(const Hash& h) { return EncodeHex(h); }

TEST(MerkleTree, EmptyTreeRootIsSha256OfNothing) {
  MerkleTree tree;
  EXPECT_EQ(Hex(tree.Root()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(MerkleTree, LeafAndNodeHashesUseDomainPrefixes) {
  // SHA-256 of the single byte 0x00: the RFC 9162 hash of an empty leaf.
  EXPECT_EQ(Hex(HashLeaf("")), "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
  EXPECT_NE(HashLeaf(""), EmptyTreeRoot());
}

TEST(MerkleTree, RootsMatchNaiveReferenceForEverySizeUpTo1000) {
  const auto leaves = TestLeaves(1000);
  MerkleTree tree;
  MerkleFrontier frontier;
  for (std::size_t n = 1; n <= leaves.size(); ++n) {
    tree.Append(leaves[n - 1]);
    frontier.Append(leaves[n - 1]);
    const Hash expected = NaiveRoot(leaves, 0, n);
    ASSERT_EQ(tree.Root(), expected) << "size " << n;
    ASSERT_EQ(frontier.Root(), expected) << "frontier size " << n;
  }
  // Old sizes from the full tree, as proofs and checkpoints ask for them.
  for (std::uint64_t m = 0; m <= leaves.size(); ++m) {
    ASSERT_EQ(*tree.RootAt(m), NaiveRoot(leaves, 0, m)) << "RootAt " << m;
  }
  EXPECT_FALSE(tree.RootAt(1001).has_value());
}

TEST(MerkleTree, FrontierAtOldSizeRebuildsTheSameTree) {
  const auto leaves = TestLeaves(300);
  MerkleTree tree;
  for (const Hash& h : leaves) tree.Append(h);
  for (std::uint64_t m = 0; m <= 300; m += 7) {
    auto frontier = MerkleFrontier::FromHashes(m, *tree.FrontierAt(m));
    ASSERT_TRUE(frontier.has_value());
    EXPECT_EQ(frontier->Root(), *tree.RootAt(m));
    for (std::uint64_t i = m; i < 300; ++i) frontier->Append(leaves[i]);
    EXPECT_EQ(frontier->Root(), tree.Root()) << "from " << m;
  }
  auto wrong = MerkleFrontier::FromHashes(7, {Hash{}, Hash{}});
  ASSERT_FALSE(wrong.has_value());
  EXPECT_EQ(wrong.error().message, "a frontier of tree size 7 has 3 hashes, not 2");
}

TEST(MerkleProofs, MatchNaiveReferenceOnSampledSizes) {
  const auto leaves = TestLeaves(1000);
  MerkleTree tree;
  for (const Hash& h : leaves) tree.Append(h);
  int checked = 0;
  for (std::uint64_t n = 1; n <= 1000; n += (n < 70 ? 1 : 13)) {
    const Hash root = NaiveRoot(leaves, 0, n);
    for (std::uint64_t m = 0; m < n; m += (n < 70 ? 1 : 17)) {
      auto proof = InclusionProof(tree, m, n);
      ASSERT_TRUE(proof.has_value());
      ASSERT_EQ(*proof, NaivePath(leaves, m, 0, n)) << "inclusion " << m << " of " << n;
      ASSERT_TRUE(VerifyInclusion(leaves[m], m, n, *proof, root).has_value());
      if (m > 0) {
        auto cproof = ConsistencyProof(tree, m, n);
        ASSERT_EQ(*cproof, NaiveSubproof(leaves, m, 0, n, true))
            << "consistency " << m << "->" << n;
        ASSERT_TRUE(VerifyConsistency(m, n, NaiveRoot(leaves, 0, m), root, *cproof).has_value())
            << m << "->" << n;
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 3000);
}

// Compared with the committed output of tests/vectors/merkle_vectors.py.
nlohmann::json LoadVectors() {
  std::ifstream in(std::string(PARLEY_SOURCE_DIR) + "/tests/vectors/merkle_vectors.json");
  EXPECT_TRUE(in.good()) << "tests/vectors/merkle_vectors.json is missing";
  return nlohmann::json::parse(in, nullptr, false);
}

std::vector<std::string> HexAll(const std::vector<Hash>& hashes) {
  std::vector<std::string> out;
  for (const Hash& h : hashes) out.push_back(Hex(h));
  return out;
}

TEST(MerkleVectors, RootsAndProofsMatchIndependentPythonImplementation) {
  const nlohmann::json v = LoadVectors();
  ASSERT_FALSE(v.is_discarded());
  const auto leaves = TestLeaves(1000);
  MerkleTree tree;
  for (const Hash& h : leaves) tree.Append(h);
  ASSERT_EQ(v["roots"].size(), 1000u);
  for (std::uint64_t n = 1; n <= 1000; ++n) {
    ASSERT_EQ(Hex(*tree.RootAt(n)), v["roots"][n - 1].get<std::string>()) << "size " << n;
  }
  ASSERT_GT(v["inclusion"].size(), 150u);
  for (const auto& c : v["inclusion"]) {
    const auto m = c["index"].get<std::uint64_t>();
    const auto n = c["size"].get<std::uint64_t>();
    auto proof = InclusionProof(tree, m, n);
    ASSERT_EQ(HexAll(*proof), c["proof"].get<std::vector<std::string>>()) << m << " of " << n;
    EXPECT_TRUE(VerifyInclusion(leaves[m], m, n, *proof, *tree.RootAt(n)).has_value());
  }
  ASSERT_GT(v["consistency"].size(), 150u);
  for (const auto& c : v["consistency"]) {
    const auto m = c["old_size"].get<std::uint64_t>();
    const auto n = c["size"].get<std::uint64_t>();
    auto proof = ConsistencyProof(tree, m, n);
    ASSERT_EQ(HexAll(*proof), c["proof"].get<std::vector<std::string>>()) << m << "->" << n;
    EXPECT_TRUE(VerifyConsistency(m, n, *tree.RootAt(m), *tree.RootAt(n), *proof).has_value());
  }
}

TEST(MerkleVectors, CommittedFileIsWhatTheScriptPrints) {
  const std::string cmd =
      "python3 " + std::string(PARLEY_SOURCE_DIR) + "/tests/vectors/merkle_vectors.py 2>/dev/null";
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (pipe == nullptr) GTEST_SKIP() << "python3 is not available";
  std::string out;
  char buf[65536];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  if (::pclose(pipe) != 0 || out.empty()) GTEST_SKIP() << "python3 could not run the script";
  std::ifstream in(std::string(PARLEY_SOURCE_DIR) + "/tests/vectors/merkle_vectors.json");
  std::stringstream committed;
  committed << in.rdbuf();
  EXPECT_EQ(out, committed.str()) << "regenerate: python3 tests/vectors/merkle_vectors.py > "
                                     "tests/vectors/merkle_vectors.json";
}

}  // namespace
}  // namespace parley::ledger
