#include <gtest/gtest.h>

#include <set>
#include <string>

#include "synth/vocabulary_names.h"
#include "synth/vocabulary_places.h"
#include "synth/vocabulary_surnames.h"

namespace parley::synth {
namespace {

bool HasMale(std::string_view ua, std::string_view ru) {
  for (const MaleName& n : MaleNames()) {
    if (n.ua == ua && n.ru == ru) return true;
  }
  return false;
}

bool HasFemale(std::string_view ua, std::string_view ru) {
  for (const FemaleName& n : FemaleNames()) {
    if (n.ua == ua && n.ru == ru) return true;
  }
  return false;
}

TEST(VocabularyTest, EveryGivenNamePairOfDomainMdIsPresent) {
  const std::pair<std::string_view, std::string_view> male[] = {
      {"Олександр", "Александр"}, {"Андрій", "Андрей"},     {"Сергій", "Сергей"},
      {"Володимир", "Владимир"},  {"Дмитро", "Дмитрий"},    {"Микола", "Николай"},
      {"Юрій", "Юрий"},           {"Василь", "Василий"},    {"Михайло", "Михаил"},
      {"Петро", "Пётр"},          {"Павло", "Павел"},       {"Євген", "Евгений"},
      {"Олексій", "Алексей"},     {"Григорій", "Григорий"}, {"Федір", "Фёдор"}};
  for (const auto& [ua, ru] : male) EXPECT_TRUE(HasMale(ua, ru)) << ua;
  const std::pair<std::string_view, std::string_view> female[] = {{"Ганна", "Анна"},
                                                                  {"Наталія", "Наталья"},
                                                                  {"Тетяна", "Татьяна"},
                                                                  {"Катерина", "Екатерина"},
                                                                  {"Надія", "Надежда"}};
  for (const auto& [ua, ru] : female) EXPECT_TRUE(HasFemale(ua, ru)) << ua;
}

TEST(VocabularyTest, PatronymicsOfDomainMd) {
  auto find = [](std::string_view ua) -> const MaleName* {
    for (const MaleName& n : MaleNames()) {
      if (n.ua == ua) return &n;
    }
    return nullptr;
  };
  ASSERT_NE(find("Микола"), nullptr);
  EXPECT_EQ(find("Микола")->ua_patronymic, "Миколайович");
  EXPECT_EQ(find("Микола")->ru_patronymic, "Николаевич");
  EXPECT_EQ(find("Юрій")->ru_patronymic, "Юрьевич");
  EXPECT_EQ(find("Олексій")->ua_patronymic, "Олексійович");
  EXPECT_EQ(find("Олексій")->ru_patronymic, "Алексеевич");
}

TEST(VocabularyTest, FemininePatronymics) {
  EXPECT_EQ(FemininePatronymicUa("Миколайович"), "Миколаївна");
  EXPECT_EQ(FemininePatronymicUa("Петрович"), "Петрівна");
  EXPECT_EQ(FemininePatronymicUa("Ілліч"), "Іллівна");
  EXPECT_EQ(FemininePatronymicRu("Николаевич"), "Николаевна");
  EXPECT_EQ(FemininePatronymicRu("Петрович"), "Петровна");
  EXPECT_EQ(FemininePatronymicRu("Ильич"), "Ильинична");
  EXPECT_EQ(FemininePatronymicRu("Никитич"), "Никитична");
  EXPECT_EQ(FemininePatronymicRu("Саввич"), "Саввична");
}

TEST(VocabularyTest, SizesMeetTheBrief) {
  EXPECT_GE(MaleNames().size(), 80u);
  EXPECT_GE(FemaleNames().size(), 30u);
  EXPECT_GE(UkrainianSurnames().size(), 400u);
  EXPECT_GE(RussianSurnames().size(), 100u);
  EXPECT_GE(UkrainianTowns().size(), 60u);
  EXPECT_GE(RussianTowns().size(), 40u);
  EXPECT_GE(UkrainianRanks().size(), 10u);
  EXPECT_GE(RussianRanks().size(), 10u);
}

TEST(VocabularyTest, NamesAreDistinctAndComplete) {
  std::set<std::string_view> male, female;
  for (const MaleName& n : MaleNames()) {
    EXPECT_TRUE(male.insert(n.ua).second) << n.ua;
    EXPECT_FALSE(n.ru.empty() || n.ua_patronymic.empty() || n.ru_patronymic.empty()) << n.ua;
  }
  for (const FemaleName& n : FemaleNames()) EXPECT_TRUE(female.insert(n.ua).second) << n.ua;
  std::set<std::string> surnames;
  for (const Surname& s : UkrainianSurnames()) {
    EXPECT_TRUE(surnames.insert(s.ua_m).second) << s.ua_m;
    EXPECT_FALSE(s.ua_f.empty() || s.ru_m.empty() || s.ru_f.empty()) << s.ua_m;
  }
}

TEST(VocabularyTest, SurnamesCarryTheirGenderAndRussianForms) {
  const Surname* kovalskyi = nullptr;
  const Surname* lysenko = nullptr;
  for (const Surname& s : UkrainianSurnames()) {
    if (s.ua_m == "Ковальський") kovalskyi = &s;
    if (s.ua_m == "Лисенко") lysenko = &s;
  }
  ASSERT_NE(kovalskyi, nullptr);
  EXPECT_EQ(kovalskyi->ua_f, "Ковальська");
  EXPECT_EQ(kovalskyi->ru_m, "Ковальский");
  EXPECT_EQ(kovalskyi->ru_f, "Ковальская");
  ASSERT_NE(lysenko, nullptr);
  EXPECT_EQ(lysenko->ru_m, "Лысенко");
  EXPECT_EQ(lysenko->ua_f, "Лисенко");  // -енко does not inflect
  EXPECT_EQ(RussianSurnames()[0].ru_f, "Иванова");
  EXPECT_EQ(RussianSurnames()[0].ua_m, "Іванов");
}

TEST(VocabularyTest, GeneratedSurnamesUseRealisticSuffixes) {
  int enko = 0, uk = 0, skyi = 0;
  for (const Surname& s : UkrainianSurnames()) {
    enko += s.ua_m.ends_with("енко");
    uk += s.ua_m.ends_with("ук") || s.ua_m.ends_with("юк");
    skyi += s.ua_m.ends_with("ський");
  }
  EXPECT_GT(enko, 80);
  EXPECT_GT(uk, 100);
  EXPECT_GT(skyi, 40);
}

TEST(VocabularyTest, DiminutivesBelongToKnownGivenNames) {
  ASSERT_NE(FindDiminutive("Олександр"), nullptr);
  EXPECT_EQ(FindDiminutive("Олександр")->ua, "Сашко");
  EXPECT_EQ(FindDiminutive("Олександр")->ru, "Саша");
  EXPECT_EQ(FindDiminutive("Всеволод"), nullptr);
  for (const Diminutive& d : Diminutives()) {
    bool known = false;
    for (const MaleName& n : MaleNames()) known |= n.ua == d.full_ua;
    for (const FemaleName& n : FemaleNames()) known |= n.ua == d.full_ua;
    EXPECT_TRUE(known) << d.full_ua;
  }
}

TEST(VocabularyTest, UnitsAreSyntheticAndDistinct) {
  std::set<std::string> ua, ru;
  for (int i = 0; i < kUnitsPerSide; ++i) {
    ua.insert(UnitDesignation(true, i));
    ru.insert(UnitDesignation(false, i));
  }
  EXPECT_EQ(ua.size(), static_cast<size_t>(kUnitsPerSide));
  EXPECT_EQ(ru.size(), static_cast<size_t>(kUnitsPerSide));
  EXPECT_TRUE(ua.begin()->starts_with("в/ч Ш"));
  EXPECT_TRUE(ru.begin()->starts_with("в/ч Щ-"));
}

}  // namespace
}  // namespace parley::synth
