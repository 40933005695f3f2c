#include "link/assignment.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <unordered_map>
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

namespace {

// Union-find over the records of both sides (left ids first, then right ids).
class Components {
 public:
  explicit Components(std::size_t n) : parent_(n) {
    std::iota(parent_.begin(), parent_.end(), std::size_t{0});
  }
  std::size_t Find(std::size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Join(std::size_t a, std::size_t b) { parent_[Find(a)] = Find(b); }

 private:
  std::vector<std::size_t> parent_;
};

// Hungarian algorithm (shortest augmenting paths with potentials) for a rows × cols cost
// matrix, rows ≤ cols, minimising the total cost of a full assignment of rows. Returns the
// column of each row.
std::vector<std::size_t> AssignRows(const std::vector<double>& cost, std::size_t rows,
                                    std::size_t cols) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  std::vector<double> u(rows + 1, 0), v(cols + 1, 0);
  std::vector<std::size_t> row_of(cols + 1, 0), way(cols + 1, 0);  // 1-based, 0 = none
  for (std::size_t i = 1; i <= rows; ++i) {
    row_of[0] = i;
    std::size_t j0 = 0;
    std::vector<double> min_to(cols + 1, kInf);
    std::vector<bool> used(cols + 1, false);
    do {
      used[j0] = true;
      const std::size_t i0 = row_of[j0];
      double delta = kInf;
      std::size_t j1 = 0;
      for (std::size_t j = 1; j <= cols; ++j) {
        if (used[j]) continue;
        const double reduced = cost[(i0 - 1) * cols + (j - 1)] - u[i0] - v[j];
        if (reduced < min_to[j]) {
          min_to[j] = reduced;
          way[j] = j0;
        }
        if (min_to[j] < delta) {
          delta = min_to[j];
          j1 = j;
        }
      }
      for (std::size_t j = 0; j <= cols; ++j) {
        if (used[j]) {
          u[row_of[j]] += delta;
          v[j] -= delta;
        } else {
          min_to[j] -= delta;
        }
      }
      j0 = j1;
    } while (row_of[j0] != 0);
    do {
      const std::size_t j1 = way[j0];
      row_of[j0] = row_of[j1];
      j0 = j1;
    } while (j0 != 0);
  }
  std::vector<std::size_t> column(rows, 0);
  for (std::size_t j = 1; j <= cols; ++j) {
    if (row_of[j] != 0) column[row_of[j] - 1] = j - 1;
  }
  return column;
}

// The exact matching of one component: `members` are indices into `pairs`.
void SolveComponent(std::span<const ScoredLink> pairs, const std::vector<std::size_t>& members,
                    std::vector<std::size_t>& keep) {
  std::unordered_map<std::uint32_t, std::size_t> left_index, right_index;
  for (std::size_t m : members) {
    left_index.try_emplace(pairs[m].left, left_index.size());
    right_index.try_emplace(pairs[m].right, right_index.size());
  }
  // Rows are the smaller side; a cell is minus the best gain of that pair (0 = no pair: a row
  // assigned there stays unmatched, which gains nothing).
  const bool left_rows = left_index.size() <= right_index.size();
  const std::size_t rows = left_rows ? left_index.size() : right_index.size();
  const std::size_t cols = left_rows ? right_index.size() : left_index.size();
  std::vector<double> cost(rows * cols, 0.0);
  std::vector<std::size_t> pair_at(rows * cols, pairs.size());
  for (std::size_t m : members) {
    const std::size_t l = left_index[pairs[m].left];
    const std::size_t r = right_index[pairs[m].right];
    const std::size_t cell = left_rows ? l * cols + r : r * cols + l;
    if (pairs[m].gain <= 0) continue;  // never worth keeping
    if (pair_at[cell] == pairs.size() || pairs[m].gain > -cost[cell]) {
      cost[cell] = -pairs[m].gain;
      pair_at[cell] = m;
    }
  }
  const std::vector<std::size_t> column = AssignRows(cost, rows, cols);
  for (std::size_t row = 0; row < rows; ++row) {
    const std::size_t cell = row * cols + column[row];
    if (pair_at[cell] != pairs.size() && cost[cell] < 0) keep.push_back(pair_at[cell]);
  }
}

}  // namespace

std::vector<std::size_t> MaxWeightOneToOne(std::span<const ScoredLink> pairs,
                                           AssignmentStats* stats) {
  // Records are numbered densely, left then right, for the union-find.
  std::unordered_map<std::uint32_t, std::size_t> left_node, right_node;
  for (const ScoredLink& p : pairs) left_node.try_emplace(p.left, left_node.size());
  for (const ScoredLink& p : pairs) right_node.try_emplace(p.right, right_node.size());
  Components components(left_node.size() + right_node.size());
  for (const ScoredLink& p : pairs) {
    components.Join(left_node[p.left], left_node.size() + right_node[p.right]);
  }
  // Members of each component, in pair order (so the result does not depend on hashing).
  std::unordered_map<std::size_t, std::size_t> slot_of_root;
  std::vector<std::vector<std::size_t>> members;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const std::size_t root = components.Find(left_node[pairs[i].left]);
    auto [it, fresh] = slot_of_root.try_emplace(root, members.size());
    if (fresh) members.emplace_back();
    members[it->second].push_back(i);
  }
  std::vector<std::size_t> keep;
  for (const std::vector<std::size_t>& component : members) {
    std::unordered_set<std::uint32_t> lefts, rights;
    for (std::size_t m : component) {
      lefts.insert(pairs[m].left);
      rights.insert(pairs[m].right);
    }
    if (stats != nullptr) ++stats->components;
    if (lefts.size() * rights.size() > kMaxExactCells) {
      std::vector<ScoredLink> sub;
      for (std::size_t m : component) sub.push_back(pairs[m]);
      for (std::size_t k : GreedyOneToOne(sub)) keep.push_back(component[k]);
      if (stats != nullptr) ++stats->greedy_components;
      continue;
    }
    SolveComponent(pairs, component, keep);
  }
  std::sort(keep.begin(), keep.end());
  return keep;
}

}  // namespace parley::link
