#include "synth/russian_forms.h"

#include <gtest/gtest.h>

#include "synth/utf8.h"
#include "synth/vocabulary_surnames.h"

namespace parley::synth {
namespace {

TEST(RussianFormsTest, GivenNamesTranslateThroughTheTable) {
  EXPECT_EQ(RussianGivenName("Олександр"), "Александр");
  EXPECT_EQ(RussianGivenName("Петро"), "Пётр");
  EXPECT_EQ(RussianGivenName("Ганна"), "Анна");
  EXPECT_EQ(RussianGivenName("Наталія"), "Наталья");
}

TEST(RussianFormsTest, PatronymicsBothGenders) {
  EXPECT_EQ(RussianPatronymic("Миколайович"), "Николаевич");
  EXPECT_EQ(RussianPatronymic("Миколаївна"), "Николаевна");
  EXPECT_EQ(RussianPatronymic("Юрійович"), "Юрьевич");
  EXPECT_EQ(RussianPatronymic("Олексійович"), "Алексеевич");
}

TEST(RussianFormsTest, SurnamesChangeLettersNotRoots) {
  EXPECT_EQ(RussianSurname("Лисенко"), "Лысенко");
  EXPECT_EQ(RussianSurname("Ковальський"), "Ковальский");
  EXPECT_EQ(RussianSurname("Ковальська"), "Ковальская");
  EXPECT_EQ(RussianSurname("Залізняк"), "Зализняк");    // і -> и
  EXPECT_EQ(RussianSurname("Ґудзь"), "Гудзь");          // ґ -> г
  EXPECT_EQ(RussianSurname("Євтушенко"), "Евтушенко");  // є -> е
  EXPECT_EQ(RussianSurname("Їжак"), "Ижак");            // ї -> и
  EXPECT_EQ(RussianSurname("Дем'яненко"), "Демьяненко");
  EXPECT_EQ(RussianSurname("Дем'яненко", true), "Демяненко");
  EXPECT_EQ(RussianSurname("Кисіль"), "Кисиль");  // и after к stays и
  EXPECT_EQ(RussianSurname("Шевченко"), "Шевченко");
}

TEST(RussianFormsTest, UkrainianLettersForRussianNames) {
  EXPECT_EQ(UkrainianLettersFromRussian("Соловьёв"), "Соловйов");
  EXPECT_EQ(UkrainianLettersFromRussian("Королёв"), "Корольов");
  EXPECT_EQ(UkrainianLettersFromRussian("Никитин"), "Нікітін");
  // Letter for letter: и becomes і even where a translating clerk would write Григор'єв.
  EXPECT_EQ(UkrainianLettersFromRussian("Григорьев"), "Грігор'єв");
  EXPECT_EQ(UkrainianLettersFromRussian("Ильин"), "Ільїн");
  EXPECT_EQ(UkrainianLettersFromRussian("Егоров"), "Єгоров");
  EXPECT_EQ(UkrainianLettersFromRussian("Быков"), "Биков");
  EXPECT_EQ(UkrainianLettersFromRussian("Эдуард"), "Едуард");
  EXPECT_EQ(UkrainianLettersFromRussian("Лукьянов"), "Лук'янов");
  EXPECT_EQ(UkrainianLettersFromRussian("Вишневский"), "Вішневський");
}

TEST(RussianFormsTest, FeminineSurnames) {
  EXPECT_EQ(FeminineSurnameUa("Ковальський"), "Ковальська");
  EXPECT_EQ(FeminineSurnameUa("Білий"), "Біла");
  EXPECT_EQ(FeminineSurnameUa("Шевченко"), "Шевченко");
  EXPECT_EQ(FeminineSurnameUa("Іванов"), "Іванова");
  EXPECT_EQ(FeminineSurnameRu("Ковальский"), "Ковальская");
  EXPECT_EQ(FeminineSurnameRu("Белый"), "Белая");
  EXPECT_EQ(FeminineSurnameRu("Толстой"), "Толстая");
  EXPECT_EQ(FeminineSurnameRu("Соловьёв"), "Соловьёва");
  EXPECT_EQ(FeminineSurnameRu("Никитин"), "Никитина");
}

// Folds the letters that legitimately differ between a Ukrainian surname's letter-for-letter
// Russian rendering and its established Russian spelling (и/ы/е/о/і vowels, soft and hard signs,
// apostrophes), leaving the consonant skeleton.
std::u32string Skeleton(std::string_view name) {
  std::u32string out;
  for (char32_t c : DecodeUtf8(name)) {
    c = ToLowerCp(c);
    switch (c) {
      case U'ь':
      case U'ъ':
      case U'\'':
        break;
      case U'ы':
      case U'е':
      case U'о':
      case U'ё':
      case U'і':
      case U'є':
      case U'ї':
        out.push_back(U'и');
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

// Differential check of the hand-written vocabulary against the rules: the Russian spelling of
// every Ukrainian surname must keep the root's consonants (DOMAIN.md: "surnames change letters,
// not roots"), so a translated root (Ведмід -> Медвед) or a typo in the table fails here.
TEST(RussianFormsTest, VocabularyRussianSpellingsKeepTheRoot) {
  int checked = 0;
  for (const Surname& s : UkrainianSurnames()) {
    EXPECT_EQ(Skeleton(RussianSurname(s.ua_m)), Skeleton(s.ru_m)) << s.ua_m << " / " << s.ru_m;
    // A feminine adjective (Біла) is rendered from its masculine (Білий -> Белый -> Белая).
    const std::string feminine =
        s.ua_f == s.ua_m ? RussianSurname(s.ua_f) : FeminineSurnameRu(RussianSurname(s.ua_m));
    EXPECT_EQ(Skeleton(feminine), Skeleton(s.ru_f)) << s.ua_f << " / " << s.ru_f;
    ++checked;
  }
  EXPECT_GE(checked, 400);
}

}  // namespace
}  // namespace parley::synth
