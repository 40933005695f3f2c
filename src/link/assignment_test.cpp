#include "link/assignment.h"

#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <set>

namespace parley::link {
namespace {

TEST(AssignmentTest, GreedyKeepsEachRecordInAtMostOnePair) {
  const std::vector<ScoredLink> pairs = {
      {0, 0, 0.9f, 1}, {0, 1, 0.8f, 1}, {1, 0, 0.95f, 1}, {1, 1, 0.7f, 1}, {2, 2, 0.6f, 1}};
  const auto keep = GreedyOneToOne(pairs);
  // (1,0) first, then (0,0) is blocked, (0,1) is free, (1,1) blocked, (2,2) free.
  EXPECT_EQ(keep, (std::vector<std::size_t>{2, 1, 4}));
}

TEST(AssignmentTest, GreedyTiesAreDeterministic) {
  const std::vector<ScoredLink> pairs = {{1, 0, 0.9f, 1}, {0, 0, 0.9f, 1}};
  EXPECT_EQ(GreedyOneToOne(pairs), (std::vector<std::size_t>{1}));
}

TEST(AssignmentTest, ExactBeatsGreedyWhereGreedyIsWrong) {
  // Greedy takes (0,0) = 5 and is left with nothing else; two pairs of 4 are worth more.
  const std::vector<ScoredLink> pairs = {{0, 0, 0.97f, 5}, {0, 1, 0.94f, 4}, {1, 0, 0.94f, 4}};
  EXPECT_EQ(GreedyOneToOne(pairs), (std::vector<std::size_t>{0}));
  EXPECT_EQ(MaxWeightOneToOne(pairs), (std::vector<std::size_t>{1, 2}));
  // One sure pair outweighs two doubtful ones.
  const std::vector<ScoredLink> sure = {{0, 0, 0.999f, 10}, {0, 1, 0.6f, 1}, {1, 0, 0.6f, 1}};
  EXPECT_EQ(MaxWeightOneToOne(sure), (std::vector<std::size_t>{0}));
}

// The best total gain of any matching, by trying every one (small graphs only).
double BruteForce(const std::vector<ScoredLink>& pairs) {
  double best = 0;
  std::set<std::uint32_t> used_left, used_right;
  std::function<void(std::size_t, double)> go = [&](std::size_t i, double total) {
    best = std::max(best, total);
    for (std::size_t k = i; k < pairs.size(); ++k) {
      const ScoredLink& p = pairs[k];
      if (used_left.contains(p.left) || used_right.contains(p.right)) continue;
      used_left.insert(p.left);
      used_right.insert(p.right);
      go(k + 1, total + p.gain);
      used_left.erase(p.left);
      used_right.erase(p.right);
    }
  };
  go(0, 0);
  return best;
}

TEST(AssignmentTest, ExactMatchesBruteForceOnRandomGraphs) {
  std::mt19937 rng(42);
  int greedy_worse = 0;
  for (int trial = 0; trial < 400; ++trial) {
    const int left = 1 + static_cast<int>(rng() % 6);
    const int right = 1 + static_cast<int>(rng() % 6);
    const double density = 0.2 + 0.6 * (rng() % 100) / 100.0;
    std::vector<ScoredLink> pairs;
    for (int l = 0; l < left; ++l) {
      for (int r = 0; r < right; ++r) {
        if ((rng() % 1000) / 1000.0 >= density) continue;
        const double gain = 0.1 + (rng() % 1000) / 100.0;
        // Sparse record ids, and a second component offset far away.
        const std::uint32_t offset = trial % 2 == 0 ? 0 : 1000;
        pairs.push_back({static_cast<std::uint32_t>(3 * l + offset),
                         static_cast<std::uint32_t>(7 * r + offset), static_cast<float>(gain / 11),
                         gain});
      }
    }
    AssignmentStats stats;
    const std::vector<std::size_t> keep = MaxWeightOneToOne(pairs, &stats);
    std::set<std::uint32_t> lefts, rights;
    double total = 0;
    for (std::size_t k : keep) {
      ASSERT_LT(k, pairs.size());
      EXPECT_TRUE(lefts.insert(pairs[k].left).second) << "trial " << trial;
      EXPECT_TRUE(rights.insert(pairs[k].right).second) << "trial " << trial;
      total += pairs[k].gain;
    }
    EXPECT_NEAR(total, BruteForce(pairs), 1e-9) << "trial " << trial;
    EXPECT_EQ(stats.greedy_components, 0u);
    double greedy = 0;
    for (std::size_t k : GreedyOneToOne(pairs)) greedy += pairs[k].gain;
    greedy_worse += greedy < total - 1e-9 ? 1 : 0;
  }
  EXPECT_GT(greedy_worse, 0) << "the random graphs must include cases greedy gets wrong";
}

TEST(AssignmentTest, EmptyInputKeepsNothing) { EXPECT_TRUE(MaxWeightOneToOne({}).empty()); }

}  // namespace
}  // namespace parley::link
