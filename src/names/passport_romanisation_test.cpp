// The two passport standards on names whose romanisation is published (Ukrainian passports
// and the 2010 resolution's own examples; ICAO 9303's table), word-initial forms, case, and
// which language a record's letters show.
#include "names/passport_romanisation.h"

#include <gtest/gtest.h>

#include <array>
#include <string_view>

namespace parley::names {
namespace {

std::string Uk(std::string_view text) {
  return PassportRomanisation(text, NameLanguage::kUkrainian);
}
std::string Ru(std::string_view text) { return PassportRomanisation(text, NameLanguage::kRussian); }

TEST(PassportRomanisation, UkrainianFollowsTheNationalTable) {
  EXPECT_EQ(Uk("Шевченко Дмитро Олександрович"), "Shevchenko Dmytro Oleksandrovych");
  EXPECT_EQ(Uk("Юлія"), "Yuliia");
  EXPECT_EQ(Uk("Євген Їжакевич Йосипович"), "Yevhen Yizhakevych Yosypovych");
  EXPECT_EQ(Uk("Андрій Ґудзь"), "Andrii Gudz");
  EXPECT_EQ(Uk("Згурський"), "Zghurskyi");
  EXPECT_EQ(Uk("Щербак Наталія"), "Shcherbak Nataliia");
  EXPECT_EQ(Uk("Мар'яна Марʼяна Мар’яна"), "Mariana Mariana Mariana");
  EXPECT_EQ(Uk("Коваль-Яременко"), "Koval-Yaremenko");  // each part starts a word
  EXPECT_EQ(Uk("Ольга Ігорівна"), "Olha Ihorivna");
}

TEST(PassportRomanisation, RussianFollowsIcao9303) {
  EXPECT_EQ(Ru("Шевченко Дмитрий Александрович"), "Shevchenko Dmitrii Aleksandrovich");
  EXPECT_EQ(Ru("Фёдор Юлия Яковлев"), "Fedor Iuliia Iakovlev");
  EXPECT_EQ(Ru("Подъячев Эдуард Щукин"), "Podieiachev Eduard Shchukin");  // ъ is ie
  EXPECT_EQ(Ru("Хабибуллин Гусейн огли"), "Khabibullin Gusein ogli");
  EXPECT_EQ(Ru("Игорь Ильич"), "Igor Ilich");
}

TEST(PassportRomanisation, CaseIsKeptPerWordAndOtherTextPassesThrough) {
  EXPECT_EQ(Uk("ШЕВЧЕНКО Дмитро"), "SHEVCHENKO Dmytro");
  EXPECT_EQ(Uk("ЩУР"), "SHCHUR");
  EXPECT_EQ(Uk("Шевченко Д. О."), "Shevchenko D. O.");
  EXPECT_EQ(Uk("Шевченко (2), Smith"), "Shevchenko (2), Smith");
  EXPECT_EQ(Ru("Иван Ivanov"), "Ivan Ivanov");
  EXPECT_EQ(Uk(""), "");
  // A й typed as и and a combining breve is the same letter.
  EXPECT_EQ(Uk("Андрі\u0438\u0306"), Uk("Андрій"));
}

TEST(PassportRomanisation, TheLettersOfARecordSayItsLanguage) {
  auto of = [](std::initializer_list<std::string_view> texts) {
    return NameLanguageOf(std::span<const std::string_view>(texts.begin(), texts.size()));
  };
  EXPECT_EQ(of({"Шевченко", "Дмитро", "Київ"}), NameLanguage::kUkrainian);
  EXPECT_EQ(of({"Шевченко", "Дмитрий", "Подъячев"}), NameLanguage::kRussian);
  EXPECT_EQ(of({"Шевченко", "Дмитро"}), std::nullopt);  // no letter of one language only
  EXPECT_EQ(of({"Ёлкин", "Іван"}), std::nullopt);       // one each: no evidence
  EXPECT_EQ(of({"ІВАН"}), NameLanguage::kUkrainian);
  EXPECT_TRUE(HasCyrillic("Smith Иван"));
  EXPECT_FALSE(HasCyrillic("Shevchenko Dmytro"));
  EXPECT_EQ(RomanisationStandard(NameLanguage::kUkrainian), "KMU 2010");
  EXPECT_EQ(RomanisationStandard(NameLanguage::kRussian), "ICAO 9303");
}

}  // namespace
}  // namespace parley::names
