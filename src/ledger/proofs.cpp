#include "ledger/proofs.h"

#include <bit>

#include "ledger/encoding.h"

namespace parley::ledger {
namespace {

std::uint64_t SplitPoint(std::uint64_t n) { return std::bit_floor(n - 1); }

// PATH(m, D[begin:end]) of RFC 9162 §2.1.3.1, with m relative to `begin`.
void Path(const MerkleTree& tree, std::uint64_t m, std::uint64_t begin, std::uint64_t end,
          std::vector<Hash>& out) {
  if (end - begin <= 1) return;
  const std::uint64_t k = SplitPoint(end - begin);
  if (m < k) {
    Path(tree, m, begin, begin + k, out);
    out.push_back(tree.SubtreeRoot(begin + k, end));
  } else {
    Path(tree, m - k, begin + k, end, out);
    out.push_back(tree.SubtreeRoot(begin, begin + k));
  }
}

// SUBPROOF(m, D[begin:end], b) of RFC 9162 §2.1.4.1.
void SubProof(const MerkleTree& tree, std::uint64_t m, std::uint64_t begin, std::uint64_t end,
              bool whole, std::vector<Hash>& out) {
  const std::uint64_t n = end - begin;
  if (m == n) {
    if (!whole) out.push_back(tree.SubtreeRoot(begin, end));
    return;
  }
  const std::uint64_t k = SplitPoint(n);
  if (m <= k) {
    SubProof(tree, m, begin, begin + k, whole, out);
    out.push_back(tree.SubtreeRoot(begin + k, end));
  } else {
    SubProof(tree, m - k, begin + k, end, false, out);
    out.push_back(tree.SubtreeRoot(begin, begin + k));
  }
}

Result<void> Mismatch(const std::string& what) { return Fail(ErrorCode::kCorruption, what); }

}  // namespace

Result<std::vector<Hash>> InclusionProof(const MerkleTree& tree, std::uint64_t index,
                                         std::uint64_t size) {
  if (size > tree.Size() || index >= size) {
    return Fail(ErrorCode::kInvalidInput, "no inclusion proof for entry " + std::to_string(index) +
                                              " in a tree of " + std::to_string(size) +
                                              " (the log has " + std::to_string(tree.Size()) + ")");
  }
  std::vector<Hash> proof;
  Path(tree, index, 0, size, proof);
  return proof;
}

Result<std::vector<Hash>> ConsistencyProof(const MerkleTree& tree, std::uint64_t old_size,
                                           std::uint64_t new_size) {
  if (new_size > tree.Size() || old_size > new_size) {
    return Fail(ErrorCode::kInvalidInput, "no consistency proof from size " +
                                              std::to_string(old_size) + " to " +
                                              std::to_string(new_size) + " (the log has " +
                                              std::to_string(tree.Size()) + ")");
  }
  std::vector<Hash> proof;
  if (old_size != 0 && old_size != new_size) SubProof(tree, old_size, 0, new_size, true, proof);
  return proof;
}

Result<void> VerifyInclusion(const Hash& leaf_hash, std::uint64_t index, std::uint64_t size,
                             std::span<const Hash> proof, const Hash& root) {
  if (index >= size) return Mismatch("entry index is outside the tree");
  std::uint64_t fn = index;
  std::uint64_t sn = size - 1;
  Hash r = leaf_hash;
  for (const Hash& p : proof) {
    if (sn == 0) return Mismatch("inclusion proof is too long");
    if ((fn & 1) != 0 || fn == sn) {
      r = HashChildren(p, r);
      if ((fn & 1) == 0) {
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      r = HashChildren(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) return Mismatch("inclusion proof is too short");
  if (r != root) return Mismatch("inclusion proof does not lead to the root");
  return {};
}

Result<void> VerifyConsistency(std::uint64_t old_size, std::uint64_t new_size, const Hash& old_root,
                               const Hash& new_root, std::span<const Hash> proof) {
  if (old_size > new_size) return Mismatch("the old tree is larger than the new one");
  if (old_size == new_size) {
    if (!proof.empty()) return Mismatch("consistency proof between equal sizes must be empty");
    if (old_root != new_root) return Mismatch("same tree size with different roots: a fork");
    return {};
  }
  if (old_size == 0) {
    if (!proof.empty()) return Mismatch("consistency proof from an empty tree must be empty");
    return {};
  }
  if (proof.empty()) return Mismatch("consistency proof is empty");
  std::vector<Hash> path;
  path.reserve(proof.size() + 1);
  if (std::has_single_bit(old_size)) path.push_back(old_root);
  path.insert(path.end(), proof.begin(), proof.end());
  std::uint64_t fn = old_size - 1;
  std::uint64_t sn = new_size - 1;
  while ((fn & 1) != 0) {
    fn >>= 1;
    sn >>= 1;
  }
  Hash fr = path[0];
  Hash sr = path[0];
  for (std::size_t i = 1; i < path.size(); ++i) {
    const Hash& c = path[i];
    if (sn == 0) return Mismatch("consistency proof is too long");
    if ((fn & 1) != 0 || fn == sn) {
      fr = HashChildren(c, fr);
      sr = HashChildren(c, sr);
      while ((fn & 1) == 0 && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      sr = HashChildren(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0) return Mismatch("consistency proof is too short");
  if (fr != old_root) return Mismatch("consistency proof does not match the old root");
  if (sr != new_root) return Mismatch("consistency proof does not match the new root");
  return {};
}

}  // namespace parley::ledger
