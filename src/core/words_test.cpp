#include "core/words.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace parley {
namespace {

using Words = std::vector<std::string_view>;

TEST(SpaceSeparatedWords, SplitsAKeyAtItsSpaces) {
  EXPECT_EQ(SpaceSeparatedWords("petrenko kovalchuk"), (Words{"petrenko", "kovalchuk"}));
  EXPECT_EQ(SpaceSeparatedWords("shevchenko"), (Words{"shevchenko"}));
}

TEST(SpaceSeparatedWords, RunsOfSpacesGiveNoEmptyWords) {
  EXPECT_EQ(SpaceSeparatedWords("  Jean  Pierre Marie "), (Words{"Jean", "Pierre", "Marie"}));
  EXPECT_TRUE(SpaceSeparatedWords("").empty());
  EXPECT_TRUE(SpaceSeparatedWords("   ").empty());
}

TEST(SpaceSeparatedWords, OnlyASpaceSeparates) {
  EXPECT_EQ(SpaceSeparatedWords("Ivan\tPetrenko"), (Words{"Ivan\tPetrenko"}));
}

}  // namespace
}  // namespace parley
