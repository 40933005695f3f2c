#include "synth/variations.h"

#include <gtest/gtest.h>

#include "synth/utf8.h"

namespace parley::synth {
namespace {

bool IsValidUtf8Cyrillic(const std::string& s) {
  for (char32_t c : DecodeUtf8(s)) {
    if (c == U'\uFFFD') return false;
  }
  return true;
}

TEST(VariationsTest, TyposChangeCodePointsNotBytes) {
  Rng rng(1);
  int changed = 0;
  for (int i = 0; i < 2000; ++i) {
    const std::string typo = InjectTypo("Шевченко", rng, Keyboard::kUkrainian);
    ASSERT_TRUE(IsValidUtf8Cyrillic(typo)) << typo;
    const auto length = static_cast<int>(DecodeUtf8(typo).size());
    ASSERT_GE(length, 7);
    ASSERT_LE(length, 9);
    changed += typo != "Шевченко";
  }
  // A transposition of two equal letters or a doubling can coincide; nearly all differ.
  EXPECT_GT(changed, 1900);
}

TEST(VariationsTest, TypoKeepsTheWordsCaseShape) {
  Rng rng(2);
  for (int i = 0; i < 500; ++i) {
    const std::u32string cps = DecodeUtf8(InjectTypo("Олег", rng, Keyboard::kUkrainian));
    int upper = 0;
    for (char32_t c : cps) upper += IsUpperCp(c);
    ASSERT_LE(upper, 1);
  }
  EXPECT_EQ(InjectTypo("Ян", rng, Keyboard::kRussian), "Ян");  // too short to mistype plausibly
}

TEST(VariationsTest, TyposUseOnlyTheClerksKeyboard) {
  Rng rng(6);
  for (int i = 0; i < 3000; ++i) {
    for (char32_t c : DecodeUtf8(InjectTypo("Станислав", rng, Keyboard::kRussian))) {
      ASSERT_TRUE(c != U'і' && c != U'ї' && c != U'є' && c != U'ґ');
    }
    for (char32_t c : DecodeUtf8(InjectTypo("Станіслав", rng, Keyboard::kUkrainian))) {
      ASSERT_TRUE(c != U'ы' && c != U'э' && c != U'ъ' && c != U'ё');
    }
    for (char32_t c : DecodeUtf8(InjectTypo("Stanislav", rng, Keyboard::kLatin))) {
      ASSERT_LT(c, 0x80u);
    }
  }
}

TEST(VariationsTest, SubstitutionsMostlyHitNeighbouringKeys) {
  Rng rng(7);
  int neighbour = 0, substitutions = 0;
  for (int i = 0; i < 5000; ++i) {
    const std::u32string out = DecodeUtf8(InjectTypo("кккк", rng, Keyboard::kRussian));
    if (out.size() != 4) continue;
    for (char32_t c : out) {
      if (c == U'к') continue;
      ++substitutions;
      neighbour += c == U'у' || c == U'е';  // к sits between у and е on ЙЦУКЕН
    }
  }
  ASSERT_GT(substitutions, 500);
  EXPECT_GT(static_cast<double>(neighbour) / substitutions, 0.6);
}

TEST(VariationsTest, HomoglyphsAreLatinLookAlikes) {
  Rng rng(3);
  for (int i = 0; i < 200; ++i) {
    const std::string out = InjectHomoglyph("Сергій", rng);
    ASSERT_NE(out, "Сергій");
    int latin = 0;
    for (char32_t c : DecodeUtf8(out)) latin += c < 0x80;
    ASSERT_GE(latin, 1);
    ASSERT_LE(latin, 2);
  }
  EXPECT_EQ(InjectHomoglyph("Бжд", rng), "Бжд");  // no look-alike letter
  for (int i = 0; i < 200; ++i) {
    const std::string out = InjectHomoglyph("Shevchenko", rng);
    ASSERT_NE(out, "Shevchenko");
    int cyrillic = 0;
    for (char32_t c : DecodeUtf8(out)) cyrillic += IsCyrillicCp(c);
    ASSERT_GE(cyrillic, 1);
    ASSERT_LE(cyrillic, 2);
  }
}

TEST(VariationsTest, ApostrophesAreReplacedEverywhere) {
  EXPECT_EQ(ReplaceApostrophes("Дем'ян П’ятниця", U'\u02BC'), "Демʼян Пʼятниця");
  EXPECT_TRUE(HasApostrophe("Мар’яна"));
  EXPECT_FALSE(HasApostrophe("Марина"));
  Rng rng(4);
  bool seen[3] = {false, false, false};
  for (int i = 0; i < 100; ++i) {
    const char32_t a = PickApostrophe(rng);
    seen[a == U'\'' ? 0 : a == U'\u2019' ? 1 : 2] = true;
  }
  EXPECT_TRUE(seen[0] && seen[1] && seen[2]);
}

TEST(VariationsTest, SwapOnlyWhenTheResultIsAValidDifferentDate) {
  EXPECT_EQ(SwapDayMonth({1990, 3, 7}), (PartialDate{1990, 7, 3}));
  EXPECT_FALSE(SwapDayMonth({1990, 3, 13}).has_value());
  EXPECT_FALSE(SwapDayMonth({1990, 5, 5}).has_value());
  EXPECT_FALSE(SwapDayMonth({1990, 0, 0}).has_value());
}

TEST(VariationsTest, ShiftYearStaysValidAndInThePast) {
  Rng rng(5);
  const PartialDate latest{2025, 6, 1};
  for (int i = 0; i < 100; ++i) {
    const PartialDate d = ShiftYear({1996, 2, 29}, rng, latest);
    ASSERT_TRUE(d.year == 1995 || d.year == 1997);
    ASSERT_EQ(d.day, 28);  // neither 1995 nor 1997 is a leap year
    const PartialDate e = ShiftYear({2025, 5, 1}, rng, latest);
    ASSERT_EQ(e.year, 2024);  // 2026 would be in the future
  }
}

TEST(VariationsTest, DateFormats) {
  EXPECT_EQ(FormatDateDmy({1990, 3, 7}), "07.03.1990");
  EXPECT_EQ(FormatDateDmy({1990, 3, 0}), "03.1990");
  EXPECT_EQ(FormatDateDmy({1990, 0, 0}), "1990");
  EXPECT_EQ(FormatDateDmy({}), "");
  EXPECT_EQ(FormatDateIso({1990, 3, 7}), "1990-03-07");
  EXPECT_EQ(FormatDateIso({1990, 3, 0}), "1990-03");
}

}  // namespace
}  // namespace parley::synth
