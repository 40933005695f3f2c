#include "link/assignment.h"

#include <gtest/gtest.h>

namespace parley::link {
namespace {

TEST(AssignmentTest, EachRecordInAtMostOnePair) {
  const std::vector<ScoredLink> pairs = {
      {0, 0, 0.9f}, {0, 1, 0.8f}, {1, 0, 0.95f}, {1, 1, 0.7f}, {2, 2, 0.6f}};
  const auto keep = GreedyOneToOne(pairs);
  // (1,0) first, then (0,0) is blocked, (0,1) is free, (1,1) blocked, (2,2) free.
  EXPECT_EQ(keep, (std::vector<std::size_t>{2, 1, 4}));
}

TEST(AssignmentTest, TiesAreDeterministic) {
  const std::vector<ScoredLink> pairs = {{1, 0, 0.9f}, {0, 0, 0.9f}};
  EXPECT_EQ(GreedyOneToOne(pairs), (std::vector<std::size_t>{1}));
}

}  // namespace
}  // namespace parley::link
