#include "link/string_similarity.h"

#include <gtest/gtest.h>

namespace parley::link {
namespace {

TEST(JaroWinklerTest, KnownValues) {
  EXPECT_DOUBLE_EQ(JaroWinkler("", ""), 1.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("abc", ""), 0.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("shevchenko", "shevchenko"), 1.0);
  EXPECT_NEAR(JaroWinkler("martha", "marhta"), 0.9611, 1e-4);
  EXPECT_NEAR(JaroWinkler("dixon", "dicksonx"), 0.8133, 1e-4);
  EXPECT_DOUBLE_EQ(JaroWinkler("abc", "xyz"), 0.0);
}

TEST(JaroWinklerTest, CountsCodePointsNotBytes) {
  // One Cyrillic letter changed is one code point: the same score as the same change in an
  // ASCII string of the same shape (Ш=a е=b в=c ч=d н=e к=f о=g и=h).
  EXPECT_DOUBLE_EQ(JaroWinkler("Шевченко", "Шевчинко"), JaroWinkler("abcdbefg", "abcdhefg"));
}

TEST(EditDistanceTest, CodePointsAndTranspositions) {
  EXPECT_EQ(EditDistance("AB123", "AB123"), 0);
  EXPECT_EQ(EditDistance("AB123", "AB132"), 1);  // neighbours swapped
  EXPECT_EQ(EditDistance("AB123", "AB1234"), 1);
  EXPECT_EQ(EditDistance("Лисенко", "Лысенко"), 1);  // one Cyrillic letter, not two bytes
  EXPECT_EQ(EditDistance("abcdef", "uvwxyz", 2), 3);  // capped at limit + 1
  EXPECT_EQ(EditDistance("", "abc"), 3);
}

}  // namespace
}  // namespace parley::link
