// parley/ledger/merkle_tree.h — the RFC 9162 (Certificate Transparency v2) Merkle tree.
//
// What it is for: the ledger's entries are leaves of one append-only Merkle tree. Its root
// commits to every entry; checkpoints sign roots; proofs (proofs.h) show that one root
// extends another or that an entry is in a tree.
//
// Hashing (RFC 9162 §2.1.1), SHA-256:
//   leaf hash  = SHA-256(0x00 || leaf data)
//   node hash  = SHA-256(0x01 || left || right)
//   MTH({})    = SHA-256("")
//   MTH(D[n])  = node(MTH(D[0:k]), MTH(D[k:n])), k the largest power of two < n
//
// Why this design: a ledger only appends and asks for roots and proofs at old sizes. We keep
// every complete ("perfect") subtree hash in flat per-level vectors: level L holds the
// hashes of the aligned 2^L-leaf subtrees, so level 0 is the leaf hashes and the whole store
// is under 2 × 32 bytes per leaf (64 MB for a million entries), with no per-node allocation.
// Appending touches only the right edge: it completes at most log2(n) nodes (amortised one).
// Any subtree RFC 9162's recursion asks for is either stored or splits into O(log n) stored
// ones, so the root at any size and any proof cost O(log n) hashes — a million-leaf tree
// answers a proof in microseconds.
//
// MerkleFrontier is the same right edge without the history: the O(log n) perfect-subtree
// roots of [0, size). It is what a verifier needs to extend a tree it does not hold
// (a bundle carries the frontier at its --since size).
//
//   MerkleTree tree;
//   tree.Append(HashLeaf("entry 0"));
//   Hash root = tree.Root();
//   Result<Hash> old_root = tree.RootAt(1);
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "ledger/encoding.h"

namespace parley::ledger {

[[nodiscard]] Hash HashLeaf(std::string_view leaf_data);
[[nodiscard]] Hash HashChildren(const Hash& left, const Hash& right);
[[nodiscard]] Hash EmptyTreeRoot();

class MerkleTree {
 public:
  MerkleTree() = default;

  void Reserve(std::uint64_t leaves);
  void Append(const Hash& leaf_hash);
  [[nodiscard]] std::uint64_t Size() const { return levels_.empty() ? 0 : levels_[0].size(); }
  [[nodiscard]] const Hash& LeafHash(std::uint64_t index) const { return levels_[0][index]; }

  [[nodiscard]] Hash Root() const { return RootUnchecked(Size()); }
  // Root of the first `size` leaves; kInvalidInput when size > Size().
  [[nodiscard]] Result<Hash> RootAt(std::uint64_t size) const;
  // MTH(D[begin:end]) for begin < end <= Size(); O(log n) for the ranges RFC 9162 uses.
  [[nodiscard]] Hash SubtreeRoot(std::uint64_t begin, std::uint64_t end) const;
  // The perfect-subtree roots of [0, size), largest first (see MerkleFrontier).
  [[nodiscard]] Result<std::vector<Hash>> FrontierAt(std::uint64_t size) const;

 private:
  [[nodiscard]] Hash RootUnchecked(std::uint64_t size) const;
  std::vector<std::vector<Hash>> levels_;
};

class MerkleFrontier {
 public:
  MerkleFrontier() = default;
  // `hashes` must be the perfect-subtree roots of [0, size), largest first:
  // one per set bit of `size`.
  [[nodiscard]] static Result<MerkleFrontier> FromHashes(std::uint64_t size,
                                                         std::vector<Hash> hashes);

  void Append(const Hash& leaf_hash);
  [[nodiscard]] std::uint64_t Size() const { return size_; }
  [[nodiscard]] Hash Root() const;
  [[nodiscard]] const std::vector<Hash>& Hashes() const { return hashes_; }

 private:
  std::uint64_t size_ = 0;
  std::vector<Hash> hashes_;
};

}  // namespace parley::ledger
