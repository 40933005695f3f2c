#include "names/surname_forms.h"

#include <gtest/gtest.h>

#include <vector>

#include "names/romanise_key.h"

namespace parley::names {
namespace {

std::string Stem(std::string_view s) {
  auto stem = SurnameStemKey(s);
  EXPECT_TRUE(stem.has_value()) << s;
  return stem.value_or("<error>");
}

void ExpectOneStem(const std::vector<std::string_view>& forms) {
  const std::string first = Stem(forms.front());
  for (auto f : forms) EXPECT_EQ(Stem(f), first) << f << " vs " << forms.front();
}

TEST(NamesSurnameFormsTest, VowelFormJoinsUkrainianAndRussianSpellings) {
  EXPECT_EQ(SurnameVowelForm("biletsk"), SurnameVowelForm("beletsk"));
  EXPECT_EQ(SurnameVowelForm("pidgirsk"), SurnameVowelForm("podgorsk"));
  EXPECT_EQ(SurnameVowelForm("diakiv"), SurnameVowelForm("diakov"));
  EXPECT_EQ(SurnameVowelForm("biletsk"), "bilitsk");
  EXPECT_NE(SurnameVowelForm("petrenko"), SurnameVowelForm("petrunko"));
  EXPECT_NE(SurnameVowelForm("bondar"), SurnameVowelForm("bandar"));
}

TEST(NamesSurnameFormsTest, SkyiFamily) {
  EXPECT_EQ(Stem("Ковальський"), "kovalsk");
  ExpectOneStem({"Ковальський", "Ковальська", "Ковальский", "Ковальская", "Kovalskyi", "Kovalskyy",
                 "Kovalsky", "Kovalska", "Kovalskaya", "Kowalski", "Kowalska"});
}

TEST(NamesSurnameFormsTest, TskyiFamily) {
  ExpectOneStem({"Вишневецький", "Вишневецька", "Вишневецкий", "Вишневецкая", "Vyshnevetskyi",
                 "Vishnevetskaya"});
}

TEST(NamesSurnameFormsTest, PossessiveEndings) {
  ExpectOneStem({"Іванов", "Іванова", "Иванов", "Иванова", "Ivanov", "Ivanova"});
  ExpectOneStem({"Ковальов", "Ковальова", "Ковалёв", "Ковалев", "Ковалёва", "Kovalyov", "Kovalov",
                 "Kovaleva"});
  ExpectOneStem({"Хрущов", "Хрущёв", "Khrushchov", "Khrushchev"});
  ExpectOneStem({"Соловйов", "Соловьёв"});
  ExpectOneStem({"Соловьёв", "Соловьева", "Solovyov", "Solovieva"});
  ExpectOneStem({"Ільїн", "Ільїна", "Ильин", "Ильина", "Ilyin", "Ilyina"});
  ExpectOneStem({"Пушкін", "Пушкіна", "Пушкин", "Пушкина"});
  EXPECT_EQ(Stem("Іванова"), "ivanov");
}

TEST(NamesSurnameFormsTest, AdjectivalEndings) {
  ExpectOneStem({"Толстой", "Толстая"});
  ExpectOneStem({"Білий", "Біла"});
  ExpectOneStem({"Белый", "Белая"});
}

TEST(NamesSurnameFormsTest, InvariantEndingsUntouched) {
  EXPECT_EQ(Stem("Шевченко"), "shevchenko");
  EXPECT_EQ(Stem("Лисенко"), "lisenko");
  EXPECT_EQ(Stem("Ковальчук"), "kovalchuk");
  EXPECT_EQ(Stem("Гнатюк"), "gnatiuk");
  EXPECT_EQ(Stem("Петрович"), "petrovich");
  EXPECT_EQ(Stem("Чорних"), "chornikh");
  EXPECT_EQ(Stem("Іванів"), "ivaniv");
}

TEST(NamesSurnameFormsTest, DifferentSurnamesKeepDifferentStems) {
  EXPECT_NE(Stem("Іванов"), Stem("Іваненко"));
  EXPECT_NE(Stem("Іванов"), Stem("Іванів"));
  EXPECT_NE(Stem("Ковальський"), Stem("Ковальчук"));
  EXPECT_NE(Stem("Петров"), Stem("Петрова-Ковальська"));
}

TEST(NamesSurnameFormsTest, ShortWordsAreNotStripped) {
  EXPECT_EQ(SurnameStem("ina"), "ina");
  EXPECT_EQ(SurnameStem("lia"), "lia");
  EXPECT_EQ(SurnameStem("ov"), "ov");
}

TEST(NamesSurnameFormsTest, DoubleSurnameStemsEachWord) {
  EXPECT_EQ(Stem("Петрова-Ковальська"), "petrov kovalsk");
}

TEST(NamesSurnameFormsTest, SexFromEnding) {
  EXPECT_EQ(SurnameSex("ivanova"), Sex::kFemale);
  EXPECT_EQ(SurnameSex("kovalska"), Sex::kFemale);
  EXPECT_EQ(SurnameSex("kovalskaia"), Sex::kFemale);
  EXPECT_EQ(SurnameSex("ivanov"), Sex::kMale);
  EXPECT_EQ(SurnameSex("kovalski"), Sex::kMale);
  EXPECT_EQ(SurnameSex("shevchenko"), Sex::kUnknown);
}

TEST(NamesSurnameFormsTest, OneSlipIsCountedWhereItShowsAsOne) {
  auto spellings = [](std::string_view text, std::string& key, std::string& letters,
                      std::string& vowels) {
    key = RomanKey(text).value_or("");
    letters = RomanLetters(text).value_or("");
    vowels = SurnameVowelForm(key);
    return SurnameSpellings{key, letters, vowels};
  };
  auto one_slip = [&](std::string_view a, std::string_view b) {
    std::string ka, la, va, kb, lb, vb;
    return SurnamesOneSlipApart(spellings(a, ka, la, va), spellings(b, kb, lb, vb));
  };
  EXPECT_TRUE(one_slip("Охременко", "Охрименко")) << "in the keys";
  EXPECT_TRUE(one_slip("БЦГАЙ", "Бугай")) << "one byte per letter";
  EXPECT_TRUE(one_slip("Білоу", "Белоус")) << "in the vowel forms";
  EXPECT_TRUE(one_slip("Ббенко", "Бабенко")) << "in the letters as typed";
  EXPECT_FALSE(one_slip("Ббенкр", "Бабенко")) << "two slips";
  EXPECT_FALSE(one_slip("Дяк", "Дак")) << "fewer than four letters";
  EXPECT_FALSE(SurnamesOneSlipApart({}, {"kovalenko", {}, {}}));
}

TEST(NamesSurnameFormsTest, RejectsInvalidUtf8) {
  EXPECT_FALSE(SurnameStemKey("\xE2\x82").has_value());
}

// A stray key in a Latin surname is one slip as typed, where the key reads three.
TEST(NamesSurnameFormsTest, OneKeystrokeApartInLatin) {
  EXPECT_TRUE(SurnamesOneKeystrokeApartInLatin("Arestovych", "ARESTOVYCVH"));
  EXPECT_FALSE(SurnamesOneKeystrokeApartInLatin("Arestovych", "Arestovych"));   // the same
  EXPECT_FALSE(SurnamesOneKeystrokeApartInLatin("Arestovich", "Arestovycvh"));  // two
  EXPECT_FALSE(SurnamesOneKeystrokeApartInLatin("Ivo", "Iva"));           // under four letters
  EXPECT_FALSE(SurnamesOneKeystrokeApartInLatin("Шевченко", "Шевчеко"));  // not Latin
}

}  // namespace
}  // namespace parley::names
