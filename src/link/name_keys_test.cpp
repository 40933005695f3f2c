#include "link/name_keys.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace parley::link {
namespace {

NameKeys Keys(std::string_view s, std::string_view g, std::string_view p) {
  auto k = ComputeNameKeys({s, g, p, {}});
  EXPECT_TRUE(k.has_value());
  return k.value_or(NameKeys{});
}

TEST(NameKeysTest, UkrainianAndRussianFormsShareGroups) {
  const NameKeys ua = Keys("Шевченко", "Олександр", "Миколайович");
  const NameKeys ru = Keys("Шевченко", "Александр", "Николаевич");
  EXPECT_EQ(ua.surname, ru.surname);
  EXPECT_NE(ua.given_name, ru.given_name);
  EXPECT_EQ(ua.given_group, ru.given_group);
  EXPECT_EQ(ua.patronymic_group, ru.patronymic_group);
}

TEST(NameKeysTest, DomainPairsAreEquivalent) {
  const std::pair<std::string_view, std::string_view> pairs[] = {
      {"Андрій", "Андрей"},       {"Сергій", "Сергей"},      {"Володимир", "Владимир"},
      {"Дмитро", "Дмитрий"},      {"Микола", "Николай"},     {"Василь", "Василий"},
      {"Михайло", "Михаил"},      {"Петро", "Пётр"},         {"Павло", "Павел"},
      {"Євген", "Евгений"},       {"Олексій", "Алексей"},    {"Григорій", "Григорий"},
      {"Федір", "Фёдор"},         {"Ганна", "Анна"},         {"Наталія", "Наталья"},
      {"Тетяна", "Татьяна"},      {"Катерина", "Екатерина"}, {"Надія", "Надежда"},
      {"Oleksandr", "Александр"}, {"Mykola", "Nikolay"}};
  for (const auto& [a, b] : pairs) {
    EXPECT_EQ(Keys("", a, "").given_group, Keys("", b, "").given_group) << a << " / " << b;
  }
  EXPECT_NE(Keys("", "Андрій", "").given_group, Keys("", "Олексій", "").given_group);
}

TEST(NameKeysTest, PatronymicsFollowTheirNames) {
  EXPECT_EQ(Keys("", "", "Юрійович").patronymic_group, Keys("", "", "Юрьевич").patronymic_group);
  EXPECT_EQ(Keys("", "", "Олексійович").patronymic_group,
            Keys("", "", "Алексеевич").patronymic_group);
  EXPECT_EQ(Keys("", "", "Миколаївна").patronymic_group,
            Keys("", "", "Николаевна").patronymic_group);
}

TEST(NameKeysTest, SurnameGenderFormsFold) {
  EXPECT_EQ(Keys("Ковальська", "", "").surname, Keys("Ковальский", "", "").surname);
  EXPECT_EQ(Keys("Ковальская", "", "").surname, Keys("Ковальський", "", "").surname);
  EXPECT_EQ(Keys("Петрова", "", "").surname, Keys("Петров", "", "").surname);
  EXPECT_EQ(Keys("Лисенко", "", "").surname, Keys("Лысенко", "", "").surname);
  EXPECT_NE(Keys("Лисенко", "", "").surname, Keys("Коваленко", "", "").surname);
}

// The letters as typed are kept only where the surname key is not made of them.
TEST(NameKeysTest, SurnameLettersAreKeptWhereTheKeyMergedSome) {
  EXPECT_EQ(Keys("Ббенко", "", "").surname, "benko");
  EXPECT_EQ(Keys("Ббенко", "", "").surname_letters, "bbenko");
  EXPECT_EQ(Keys("Мухіо", "", "").surname_letters, "muKio");
  EXPECT_TRUE(Keys("Бабенко", "", "").surname_letters.empty());
  EXPECT_EQ(Keys("Петрова", "", "").surname_letters, "petrova") << "the key is the stem";
  EXPECT_TRUE(Keys("Петренко", "", "").surname_letters.empty());
  EXPECT_TRUE(Keys("", "", "").surname_letters.empty());
}

// A digit typed for a letter in a name cell (В0ЛОШЕНКО) keys as the letter, as the full-name
// parser reads it.
TEST(NameKeysTest, DigitsForLettersInACellKeyAsTheLetters) {
  EXPECT_EQ(Keys("В0ЛОШЕНКО", "В0лодимир", "").surname, Keys("Волошенко", "", "").surname);
  EXPECT_EQ(Keys("В0ЛОШЕНКО", "В0лодимир", "").given_group, Keys("", "Володимир", "").given_group);
  EXPECT_EQ(Keys("В0ЛОШЕНКО", "", "").surname_letters, Keys("ВОЛОШЕНКО", "", "").surname_letters);
}

TEST(NameKeysTest, MissingStaysEmpty) {
  const NameKeys k = Keys("", "", "");
  EXPECT_TRUE(k.surname.empty());
  EXPECT_TRUE(k.given_group.empty());
  EXPECT_TRUE(k.surname_phonetic.empty());
}

TEST(NameKeysTest, PhoneticKeyBlocksSpellingsTogether) {
  EXPECT_EQ(Keys("Шевченко", "", "").surname_phonetic,
            Keys("Schewtschenko", "", "").surname_phonetic);
  EXPECT_EQ(Keys("Петренко-Ковальчук", "", "").surname_phonetic,
            Keys("Петренко", "", "").surname_phonetic);
  EXPECT_NE(Keys("Шевченко", "", "").surname_phonetic, Keys("Коваленко", "", "").surname_phonetic);
}

TEST(NameKeysTest, FullNameOnlyIsParsedInEitherOrder) {
  auto a = ComputeNameKeys({"", "", "", "Шевченко Олександр Миколайович"});
  auto b = ComputeNameKeys({"", "", "", "Александр Николаевич Шевченко"});
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->surname, b->surname);
  EXPECT_EQ(a->given_group, b->given_group);
  EXPECT_EQ(a->patronymic_group, b->patronymic_group);
}

TEST(NameKeysTest, AnUnsureOrderIsAlsoReadTheOtherWay) {
  NameKeyCache cache;
  // Both words given names (Стасик is a diminutive): the reading is a coin toss.
  const NameParts unsure{"", "", "", "Petro Stasyk"};
  auto read = cache.Compute(unsure);
  ASSERT_TRUE(read);
  auto other = cache.OtherOrder(unsure, *read);
  ASSERT_TRUE(other.has_value());
  EXPECT_NE(other->surname, read->surname);
  auto cyrillic = Keys("Стасик", "Петро", "");
  EXPECT_TRUE((read->surname == cyrillic.surname && read->given_group == cyrillic.given_group) ||
              (other->surname == cyrillic.surname && other->given_group == cyrillic.given_group));
  // A patronymic, a comma or capitals settle the order; split columns are as the list says.
  for (const NameParts& sure :
       {NameParts{"", "", "", "Стасик Петро Іванович"}, NameParts{"", "", "", "Stasyk, Petro"},
        NameParts{"", "", "", "STASYK Petro"}, NameParts{"Stasyk", "Petro", "", ""}}) {
    auto keys = cache.Compute(sure);
    ASSERT_TRUE(keys);
    EXPECT_FALSE(cache.OtherOrder(sure, *keys).has_value()) << sure.full_name;
  }
}

// The text of the Latin respelling of `latin` whose surname and given name key as `cyrillic`'s
// do; empty if no habit reads it so.
std::string RespellingReadAs(const NameParts& latin, const NameKeys& cyrillic) {
  NameKeyCache cache;
  auto read = cache.Compute(latin);
  if (!read) return {};
  auto respelled = cache.LatinRespellings(latin, *read);
  if (!respelled) return {};
  const auto found = std::find_if(respelled->begin(), respelled->end(), [&](const auto& r) {
    return r.keys.surname == cyrillic.surname && r.keys.given_group == cyrillic.given_group;
  });
  return found == respelled->end() ? std::string() : found->text;
}

TEST(NameKeysTest, ALatinNameIsAlsoReadByOtherSpellingHabits) {
  NameKeyCache cache;
  // German: S before a vowel is з, z is ц, ch is х.
  const NameParts german{"Selena", "Jurij", "", ""};
  const NameKeys cyrillic = Keys("Зелена", "Юрій", "");
  EXPECT_EQ(RespellingReadAs(german, cyrillic), "Zelena Jurij (German spelling)");
  auto read = cache.Compute(german);
  ASSERT_TRUE(read);
  EXPECT_NE(read->surname, cyrillic.surname);  // the common reading is Селена
  // Cyrillic, and Latin that every habit reads alike, have no other readings.
  for (const NameParts& plain :
       {NameParts{"Зелена", "Юрій", "", ""}, NameParts{"", "", "", "Bondar Taras Petrovych"}}) {
    auto keys = cache.Compute(plain);
    ASSERT_TRUE(keys);
    auto none = cache.LatinRespellings(plain, *keys);
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->empty()) << plain.surname << plain.full_name;
  }
}

// The mediator's Turkish clerks: ş is ш and ç is ч, so the Turkish reading meets the register.
TEST(NameKeysTest, ATurkishSpellingIsReadAsTheName) {
  EXPECT_EQ(RespellingReadAs({"Kravçenko", "Vyaçeslav", "Yuriyoviç", ""},
                             Keys("Кравченко", "Вячеслав", "")),
            "Kravchenko Vyacheslav Yuriyovich (Turkish spelling)");
}

TEST(NameKeysTest, PatronymicKeepsTheBearersSex) {
  EXPECT_NE(Keys("", "", "Миколайович").patronymic_group,
            Keys("", "", "Миколаївна").patronymic_group);
}

}  // namespace
}  // namespace parley::link
