#include "synth/russian_forms.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace parley::synth
