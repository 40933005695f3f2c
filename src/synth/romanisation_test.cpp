#include "synth/romanisation.h"

#include <gtest/gtest.h>

namespace parley::synth {
namespace {

using S = RomanisationSystem;

struct Case {
  std::string_view cyrillic;
  S system;
  std::string_view latin;
};

class RomanisationTest : public ::testing::TestWithParam<Case> {};

TEST_P(RomanisationTest, KnownExample) {
  EXPECT_EQ(Romanise(GetParam().cyrillic, GetParam().system), GetParam().latin)
      << GetParam().cyrillic << " in " << RomanisationSystemName(GetParam().system);
}

INSTANTIATE_TEST_SUITE_P(
    Ukraine2010, RomanisationTest,
    ::testing::Values(
        Case{"Олександр", S::kUkraine2010, "Oleksandr"}, Case{"Юрій", S::kUkraine2010, "Yurii"},
        Case{"Щербак", S::kUkraine2010, "Shcherbak"}, Case{"Ярослав", S::kUkraine2010, "Yaroslav"},
        Case{"Ярослава", S::kUkraine2010, "Yaroslava"}, Case{"Євген", S::kUkraine2010, "Yevhen"},
        Case{"Мар'яна", S::kUkraine2010, "Mariana"},
        Case{"Ковальчук Юлія Миколаївна", S::kUkraine2010, "Kovalchuk Yuliia Mykolaivna"},
        Case{"Згурський", S::kUkraine2010, "Zghurskyi"},
        Case{"Їжакевичі", S::kUkraine2010, "Yizhakevychi"}, Case{"Йосип", S::kUkraine2010, "Yosyp"},
        Case{"Ґудзь", S::kUkraine2010, "Gudz"}, Case{"ЩЕРБАК", S::kUkraine2010, "SHCHERBAK"},
        Case{"Івано-Франківськ", S::kUkraine2010, "Ivano-Frankivsk"}));

INSTANTIATE_TEST_SUITE_P(Icao9303, RomanisationTest,
                         ::testing::Values(Case{"Александр", S::kIcao9303, "Aleksandr"},
                                           Case{"Юрьевич", S::kIcao9303, "Iurevich"},
                                           Case{"Андрей", S::kIcao9303, "Andrei"},
                                           Case{"Объедков", S::kIcao9303, "Obieedkov"},
                                           Case{"Цыганков", S::kIcao9303, "Tsygankov"},
                                           Case{"Щукин Яков", S::kIcao9303, "Shchukin Iakov"},
                                           Case{"Хрущёв", S::kIcao9303, "Khrushchev"}));

INSTANTIATE_TEST_SUITE_P(BgnPcgn, RomanisationTest,
                         ::testing::Values(Case{"Евгений", S::kBgnPcgn, "Yevgeniy"},
                                           Case{"Алексеевич", S::kBgnPcgn, "Alekseyevich"},
                                           Case{"Юрий", S::kBgnPcgn, "Yuriy"},
                                           Case{"Юрьевич", S::kBgnPcgn, "Yur'yevich"},
                                           Case{"Быков", S::kBgnPcgn, "Bykov"},
                                           Case{"Яковлев", S::kBgnPcgn, "Yakovlev"}));

INSTANTIATE_TEST_SUITE_P(Gost779B, RomanisationTest,
                         ::testing::Values(Case{"Щукин", S::kGost779B, "Shhukin"},
                                           Case{"Цветков", S::kGost779B, "Czvetkov"},
                                           Case{"Цыганков", S::kGost779B, "Cy'gankov"},
                                           Case{"Быков", S::kGost779B, "By'kov"},
                                           Case{"Хрусталёв", S::kGost779B, "Xrustalyov"},
                                           Case{"Юрий", S::kGost779B, "Yurij"},
                                           Case{"Яковлев", S::kGost779B, "Yakovlev"}));

INSTANTIATE_TEST_SUITE_P(OlderHabits, RomanisationTest,
                         ::testing::Values(Case{"Александр", S::kLegacyEnglish, "Alexandr"},
                                           Case{"Щербаков", S::kLegacyEnglish, "Scherbakov"},
                                           Case{"Андрей", S::kLegacyEnglish, "Andrey"},
                                           Case{"Чернов", S::kFrench, "Tchernov"},
                                           Case{"Шукшин", S::kFrench, "Choukchin"},
                                           Case{"Алексей", S::kFrench, "Alexei"},
                                           Case{"Владимир", S::kGerman, "Wladimir"},
                                           Case{"Чернышёв", S::kGerman, "Tschernyschjow"},
                                           Case{"Сергей", S::kGerman, "Sergej"},
                                           Case{"Юрий", S::kGerman, "Jurij"},
                                           Case{"Евгений", S::kGerman, "Jewgenij"}));

TEST(RomanisationNamesTest, EverySystemHasAName) {
  for (int i = 0; i < kRomanisationSystemCount; ++i) {
    EXPECT_NE(RomanisationSystemName(static_cast<S>(i)), "unknown");
  }
  EXPECT_TRUE(RomanisesUkrainianForm(S::kUkraine2010));
  EXPECT_FALSE(RomanisesUkrainianForm(S::kIcao9303));
}

TEST(RomanisationNamesTest, OutputIsAsciiExceptBgnDiaeresis) {
  const std::string all =
      "АБВГҐДЕЄЁЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюя'";
  for (int i = 0; i < kRomanisationSystemCount; ++i) {
    const std::string latin = Romanise(all, static_cast<S>(i));
    for (size_t k = 0; k < latin.size(); ++k) {
      const auto c = static_cast<unsigned char>(latin[k]);
      if (static_cast<S>(i) == S::kBgnPcgn && (c == 0xC3 || c == 0xAB || c == 0x8B)) continue;
      EXPECT_LT(c, 0x80) << RomanisationSystemName(static_cast<S>(i)) << ": " << latin;
    }
  }
}

}  // namespace
}  // namespace parley::synth
