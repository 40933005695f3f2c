#include "link/clustering.h"

#include <gtest/gtest.h>

namespace parley::link {
namespace {

TEST(ClusteringTest, RefusesToChainNamesakesThroughAThird) {
  // 0: Шевченко Дмитро Іванович 1990, 1: Шевченко Дмитро 1990 (no patronymic),
  // 2: Шевченко Дмитро Петрович 1990. 0-1 and 1-2 are plausible, 0 and 2 conflict.
  const std::vector<MatchEdge> edges = {{0, 1, 0.95f}, {1, 2, 0.90f}};
  auto conflict = [](std::uint32_t a, std::uint32_t b) {
    return (a == 0 && b == 2) || (a == 2 && b == 0);
  };
  const auto cluster = ClusterRecords(3, edges, conflict);
  EXPECT_EQ(cluster[0], cluster[1]);
  EXPECT_NE(cluster[1], cluster[2]);
  EXPECT_NE(cluster[0], cluster[2]);
}

TEST(ClusteringTest, StrongestEdgeWinsTheMiddleRecord) {
  const std::vector<MatchEdge> edges = {{0, 1, 0.6f}, {1, 2, 0.99f}};
  auto conflict = [](std::uint32_t a, std::uint32_t b) { return a + b == 2 && a != b; };
  const auto cluster = ClusterRecords(3, edges, conflict);
  EXPECT_EQ(cluster[1], cluster[2]);
  EXPECT_NE(cluster[0], cluster[1]);
}

TEST(ClusteringTest, WithoutConflictsItIsConnectedComponents) {
  const std::vector<MatchEdge> edges = {{0, 1, 0.9f}, {1, 2, 0.9f}, {3, 4, 0.8f}};
  const auto cluster = ClusterRecords(6, edges, [](std::uint32_t, std::uint32_t) { return false; });
  EXPECT_EQ(cluster, (std::vector<std::uint32_t>{0, 0, 0, 1, 1, 2}));
}

TEST(ClusteringTest, ResultDoesNotDependOnEdgeOrder) {
  std::vector<MatchEdge> edges = {{0, 1, 0.7f}, {1, 2, 0.7f}, {2, 3, 0.9f}, {0, 3, 0.8f}};
  auto conflict = [](std::uint32_t a, std::uint32_t b) { return (a ^ b) == 2; };
  const auto first = ClusterRecords(4, edges, conflict);
  std::reverse(edges.begin(), edges.end());
  EXPECT_EQ(ClusterRecords(4, edges, conflict), first);
}

TEST(ClusteringTest, ClusterSizeIsBounded) {
  std::vector<MatchEdge> edges;
  for (std::uint32_t i = 1; i < 10; ++i) edges.push_back({0, i, 0.9f});
  const auto cluster = ClusterRecords(
      10, edges, [](std::uint32_t, std::uint32_t) { return false; }, 4);
  int in_first = 0;
  for (auto c : cluster) in_first += c == cluster[0];
  EXPECT_EQ(in_first, 4);
}

}  // namespace
}  // namespace parley::link
