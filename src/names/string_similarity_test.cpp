#include "names/string_similarity.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace parley::names {
namespace {

TEST(JaroWinklerTest, KnownValues) {
  EXPECT_DOUBLE_EQ(JaroWinkler("", ""), 1.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("abc", ""), 0.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("shevchenko", "shevchenko"), 1.0);
  EXPECT_NEAR(JaroWinkler("martha", "marhta"), 0.9611, 1e-4);
  EXPECT_NEAR(JaroWinkler("dixon", "dicksonx"), 0.8133, 1e-4);
  EXPECT_NEAR(JaroWinkler("dwayne", "duane"), 0.84, 1e-4);
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
  EXPECT_EQ(EditDistance("Лисенко", "Лысенко"), 1);   // one Cyrillic letter, not two bytes
  EXPECT_EQ(EditDistance("abcdef", "uvwxyz", 2), 3);  // capped at limit + 1
  EXPECT_EQ(EditDistance("", "abc"), 3);
}

// The one-edit fast path against the general dynamic programme, on random short strings.
TEST(EditDistanceTest, OneEditFastPathAgreesWithTheGeneralAlgorithm) {
  std::mt19937 rng(3);
  auto random_string = [&] {
    std::string s(rng() % 6, 'a');
    for (char& c : s) c = static_cast<char>('a' + rng() % 3);
    return s;
  };
  for (int i = 0; i < 20000; ++i) {
    const std::string a = random_string();
    std::string b = rng() % 2 ? random_string() : a;
    if (!b.empty() && rng() % 2) b[rng() % b.size()] = 'c';
    const int general = std::min(EditDistance(a, b, 5), 2);
    ASSERT_EQ(std::min(EditDistance(a, b, 1), 2), general) << a << " / " << b;
  }
}

TEST(JaroWinklerTest, AsciiAndDecodedPathsAgree) {
  // "é" forces the decoding path; the same shape in ASCII must score the same.
  EXPECT_DOUBLE_EQ(JaroWinkler("caf\u00e9s", "cafes"), JaroWinkler("cafxs", "cafes"));
}

}  // namespace
}  // namespace parley::names
