#include "link/assignment.h"

#include <algorithm>
#include <numeric>
#include <unordered_set>

namespace parley::link {

std::vector<std::size_t> GreedyOneToOne(std::span<const ScoredLink> pairs) {
  std::vector<std::size_t> order(pairs.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const ScoredLink& a = pairs[x];
    const ScoredLink& b = pairs[y];
    if (a.probability != b.probability) return a.probability > b.probability;
    if (a.left != b.left) return a.left < b.left;
    return a.right < b.right;
  });
  std::unordered_set<std::uint32_t> used_left;
  std::unordered_set<std::uint32_t> used_right;
  std::vector<std::size_t> keep;
  for (std::size_t idx : order) {
    const ScoredLink& p = pairs[idx];
    if (used_left.contains(p.left) || used_right.contains(p.right)) continue;
    used_left.insert(p.left);
    used_right.insert(p.right);
    keep.push_back(idx);
  }
  return keep;
}

}  // namespace parley::link
