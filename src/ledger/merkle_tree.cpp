#include "ledger/merkle_tree.h"

#include <bit>

namespace parley::ledger {
namespace {

std::string_view View(const Hash& h) { return AsChars(h); }

// Largest power of two strictly less than n (n >= 2).
std::uint64_t SplitPoint(std::uint64_t n) { return std::bit_floor(n - 1); }

}  // namespace

Hash HashLeaf(std::string_view leaf_data) {
  static constexpr char kPrefix = 0x00;
  return Sha256({std::string_view(&kPrefix, 1), leaf_data});
}

Hash HashChildren(const Hash& left, const Hash& right) {
  static constexpr char kPrefix = 0x01;
  return Sha256({std::string_view(&kPrefix, 1), View(left), View(right)});
}

Hash EmptyTreeRoot() { return Sha256(std::string_view{}); }

void MerkleTree::Reserve(std::uint64_t leaves) {
  std::uint64_t n = leaves;
  for (std::size_t level = 0; n > 0; ++level, n >>= 1) {
    if (levels_.size() <= level) levels_.emplace_back();
    levels_[level].reserve(n);
  }
}

void MerkleTree::Append(const Hash& leaf_hash) {
  if (levels_.empty()) levels_.emplace_back();
  levels_[0].push_back(leaf_hash);
  // Each level with an even count just completed a node one level up.
  for (std::size_t level = 0; levels_[level].size() % 2 == 0; ++level) {
    if (levels_.size() == level + 1) levels_.emplace_back();
    const auto& row = levels_[level];
    levels_[level + 1].push_back(HashChildren(row[row.size() - 2], row.back()));
  }
}

Hash MerkleTree::SubtreeRoot(std::uint64_t begin, std::uint64_t end) const {
  const std::uint64_t n = end - begin;
  if (std::has_single_bit(n) && begin % n == 0) {
    const int level = std::countr_zero(n);
    return levels_[static_cast<std::size_t>(level)][begin >> level];
  }
  const std::uint64_t k = SplitPoint(n);
  return HashChildren(SubtreeRoot(begin, begin + k), SubtreeRoot(begin + k, end));
}

Hash MerkleTree::RootUnchecked(std::uint64_t size) const {
  return size == 0 ? EmptyTreeRoot() : SubtreeRoot(0, size);
}

Result<Hash> MerkleTree::RootAt(std::uint64_t size) const {
  if (size > Size()) {
    return Fail(ErrorCode::kInvalidInput, "tree size " + std::to_string(size) +
                                              " is beyond the log's " + std::to_string(Size()));
  }
  return RootUnchecked(size);
}

Result<std::vector<Hash>> MerkleTree::FrontierAt(std::uint64_t size) const {
  if (size > Size()) {
    return Fail(ErrorCode::kInvalidInput, "tree size " + std::to_string(size) +
                                              " is beyond the log's " + std::to_string(Size()));
  }
  std::vector<Hash> hashes;
  std::uint64_t begin = 0;
  for (int bit = 63; bit >= 0; --bit) {
    const std::uint64_t width = std::uint64_t{1} << bit;
    if ((size & width) == 0) continue;
    hashes.push_back(levels_[static_cast<std::size_t>(bit)][begin >> bit]);
    begin += width;
  }
  return hashes;
}

Result<MerkleFrontier> MerkleFrontier::FromHashes(std::uint64_t size, std::vector<Hash> hashes) {
  if (hashes.size() != static_cast<std::size_t>(std::popcount(size))) {
    return Fail(ErrorCode::kCorruption, "a frontier of tree size " + std::to_string(size) +
                                            " has " + std::to_string(std::popcount(size)) +
                                            " hashes, not " + std::to_string(hashes.size()));
  }
  MerkleFrontier f;
  f.size_ = size;
  f.hashes_ = std::move(hashes);
  return f;
}

void MerkleFrontier::Append(const Hash& leaf_hash) {
  hashes_.push_back(leaf_hash);
  // Every trailing one bit of the old size is a same-width subtree that now pairs up.
  for (std::uint64_t s = size_; (s & 1) != 0; s >>= 1) {
    Hash right = hashes_.back();
    hashes_.pop_back();
    hashes_.back() = HashChildren(hashes_.back(), right);
  }
  ++size_;
}

Hash MerkleFrontier::Root() const {
  if (hashes_.empty()) return EmptyTreeRoot();
  Hash root = hashes_.back();
  for (std::size_t i = hashes_.size() - 1; i-- > 0;) root = HashChildren(hashes_[i], root);
  return root;
}

}  // namespace parley::ledger
