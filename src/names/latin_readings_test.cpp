#include "names/latin_readings.h"

#include <gtest/gtest.h>

#include "names/romanise_key.h"

namespace parley::names {
namespace {

std::string Respelled(std::string_view text, LatinHabit habit) {
  return RespellLatin(text, habit).value_or(std::string(text));
}

std::string Key(std::string_view text) { return RomanKey(text).value_or("(error)"); }

TEST(LatinReadingsTest, FrenchSpellings) {
  EXPECT_EQ(Respelled("CHEVTCHENKO Guennadi", LatinHabit::kFrench), "SHEVTCHENKO Gennadi");
  EXPECT_EQ(Respelled("Joukov", LatinHabit::kFrench), "Zhoukov");
  EXPECT_EQ(Respelled("Chtchour", LatinHabit::kFrench), "Shchour");
  EXPECT_EQ(Key(Respelled("Chevtchenko", LatinHabit::kFrench)), Key("Шевченко"));
  EXPECT_EQ(Key(Respelled("Joukov", LatinHabit::kFrench)), Key("Жуков"));
}

TEST(LatinReadingsTest, GermanSpellings) {
  EXPECT_EQ(Respelled("Selena Trozenko", LatinHabit::kGerman), "Zelena Trotsenko");
  EXPECT_EQ(Key(Respelled("Chmelenko Wassyl", LatinHabit::kGerman)), Key("Хмеленко Василь"));
  EXPECT_EQ(Key(Respelled("Poltawez", LatinHabit::kGerman)), Key("Полтавець"));
  EXPECT_EQ(Key(Respelled("Schewtschenko Wassilij", LatinHabit::kGerman)), Key("Шевченко Василий"));
  EXPECT_EQ(Key(Respelled("Kasakow", LatinHabit::kGerman)), Key("Казаков"));
  EXPECT_EQ(Key(Respelled("Schukow", LatinHabit::kGerman)), Key("Шуков"));
}

TEST(LatinReadingsTest, BelarusianSpellings) {
  EXPECT_EQ(Respelled("KAVALENKA Ihar", LatinHabit::kBelarusian), "KAVALENKO Ihar");
  EXPECT_EQ(Key(Respelled("Barsukou", LatinHabit::kBelarusian)), Key("Барсуков"));
  EXPECT_EQ(Key(Respelled("Paulichenka", LatinHabit::kBelarusian)), Key("Павличенко"));
  EXPECT_EQ(Key(Respelled("Zhaunerovich", LatinHabit::kBelarusian)), Key("Жавнерович"));
  // A name with nothing Belarusian reads the same.
  EXPECT_FALSE(RespellLatin("Dzhabrailov Umar", LatinHabit::kBelarusian).has_value());
  EXPECT_FALSE(RespellLatin("Shevchenko", LatinHabit::kBelarusian).has_value());
}

TEST(LatinReadingsTest, PolishAndGostSpellings) {
  EXPECT_EQ(Key(Respelled("Chmielenko", LatinHabit::kPolish)), Key("Хмеленко"));
  EXPECT_EQ(Key(Respelled("Rzepka", LatinHabit::kPolish)), Key("Жепка"));
  EXPECT_EQ(Respelled("Bielecki Kowalczyk", LatinHabit::kPolish), "Bieletski Kowalczyk");
  EXPECT_EQ(Respelled("Kulchyczkyj", LatinHabit::kGost), "Kulchytskyj");
  EXPECT_EQ(Key(Respelled("Kulchyczkyj", LatinHabit::kGost)), Key("Кульчицький"));
  EXPECT_EQ(Key(Respelled("Xarkiv", LatinHabit::kGost)), Key("Харків"));
}

TEST(LatinReadingsTest, SerbianAndCroatianSpellings) {
  EXPECT_EQ(Key(Respelled("Mihajlo Pavlyuk", LatinHabit::kSerbianCroatian)), Key("Михайло Павлюк"));
  EXPECT_EQ(Key(Respelled("Jan Cap", LatinHabit::kSerbianCroatian)), Key("Ян Цап"));
  EXPECT_EQ(Respelled("BILECKYJ", LatinHabit::kSerbianCroatian), "BILETSKYJ");
  EXPECT_EQ(Respelled("Shevchuk Mihalko", LatinHabit::kSerbianCroatian), "Shevchuk Mikhalko");
  EXPECT_FALSE(RespellLatin("Mykhailo", LatinHabit::kSerbianCroatian));  // kh is х already
}

// The mediator's clerks in Turkey write what they hear in Turkish letters.
TEST(LatinReadingsTest, TurkishSpellings) {
  EXPECT_EQ(Respelled("Taras Şevçenko", LatinHabit::kTurkish), "Taras Shevchenko");
  EXPECT_EQ(Respelled("ŞEVÇENKO Taras", LatinHabit::kTurkish), "SHEVCHENKO Taras");
  EXPECT_EQ(Respelled("Çornovol", LatinHabit::kTurkish), "Chornovol");
  EXPECT_EQ(Key(Respelled("Kovalçuk Oleksandr", LatinHabit::kTurkish)), Key("Ковальчук Олександр"));
  EXPECT_EQ(Key(Respelled("Curenko Mıkola", LatinHabit::kTurkish)), Key("Джуренко Микола"));
  EXPECT_EQ(Key(Respelled("Jukov Georgiy Şalvoviç", LatinHabit::kTurkish)),
            Key("Жуков Георгий Шалвович"));
  // c and j are Turkish only beside Turkish letters: "Cap" and "Jan" are not respelled alone.
  EXPECT_FALSE(RespellLatin("Jan Cap", LatinHabit::kTurkish));
  EXPECT_FALSE(RespellLatin("Shevchenko Taras", LatinHabit::kTurkish));
}

// Marks dropped where they cannot be typed: ISO 9 Ševčenko becomes Sevcenko.
TEST(LatinReadingsTest, UnaccentedSpellings) {
  EXPECT_EQ(Respelled("Ševčenko Taras", LatinHabit::kUnaccented), "Sevcenko Taras");
  EXPECT_EQ(Respelled("ŠEVČENKO Taras", LatinHabit::kUnaccented), "SEVCENKO Taras");
  EXPECT_EQ(Respelled("Łukašenko", LatinHabit::kUnaccented), "Lukasenko");
  EXPECT_EQ(Key(Respelled("Sevcenko", LatinHabit::kUnaccented)), Key("Sevcenko"));
  EXPECT_FALSE(RespellLatin("Sevcenko Taras", LatinHabit::kUnaccented));  // no marks to drop
}

TEST(LatinReadingsTest, NothingToReadIsNothing) {
  EXPECT_FALSE(RespellLatin("Shevchenko Taras", LatinHabit::kFrench));  // French has no "sh"
  EXPECT_FALSE(RespellLatin("Tkatchenko", LatinHabit::kFrench));        // tch is ч in French too
  EXPECT_FALSE(RespellLatin("Kharchenko", LatinHabit::kGerman));        // nor German "kh"
  EXPECT_FALSE(RespellLatin("Taras Petrovych", LatinHabit::kGerman));   // no German hand
  EXPECT_FALSE(RespellLatin("Шевченко", LatinHabit::kGerman));          // not Latin
  EXPECT_FALSE(RespellLatin("Shevchenko Тарас", LatinHabit::kGerman));  // mixed: left alone
  EXPECT_FALSE(RespellLatin("123", LatinHabit::kGost));
  EXPECT_FALSE(RespellLatin("Wassilij", LatinHabit::kGerman));   // ss is с
  EXPECT_FALSE(RespellLatin("Tkachenko", LatinHabit::kFrench));  // no French hand: English ch
  EXPECT_EQ(Respelled("Tkachenko Iouri", LatinHabit::kFrench), "Tkashenko Iouri");
}

// A word the given-name table knows as written is a name already: the habit reads the rest.
TEST(LatinReadingsTest, AKnownGivenNameIsKeptAsWritten) {
  EXPECT_EQ(Respelled("Yauhen Marozau", LatinHabit::kBelarusian), "Yauhen Marozav");
  EXPECT_EQ(Respelled("Grzegorz Rzepka", LatinHabit::kPolish), "Grzegorz Zhepka");
  EXPECT_EQ(Respelled("Oleh Mihalko", LatinHabit::kSerbianCroatian), "Oleh Mikhalko");
  EXPECT_FALSE(RespellLatin("Oleh", LatinHabit::kSerbianCroatian)) << "nothing else to read";
}

TEST(LatinReadingsTest, CaseFollowsTheLettersReplaced) {
  EXPECT_EQ(Respelled("JOUK", LatinHabit::kFrench), "ZHOUK");
  EXPECT_EQ(Respelled("Jouk", LatinHabit::kFrench), "Zhouk");
  EXPECT_EQ(Respelled("jarre", LatinHabit::kFrench), "zharre");
  EXPECT_EQ(Respelled("Éloïse Jarre", LatinHabit::kFrench), "Éloïse Zharre");  // other bytes kept
}

// Explanations note a respelled name's habit; papers read the note back to translate it.
TEST(LatinReadingsTest, AHabitsNoteReadsBack) {
  for (LatinHabit habit : kLatinHabits) {
    const std::string noted = WithHabitNote("Kravchenko Vyacheslav", habit);
    const NameWithHabit read = SplitHabitNote(noted);
    EXPECT_EQ(read.name, "Kravchenko Vyacheslav") << noted;
    EXPECT_EQ(read.habit, habit) << noted;
  }
  EXPECT_EQ(WithHabitNote("Sevcenko", LatinHabit::kTurkish), "Sevcenko (Turkish spelling)");
  EXPECT_FALSE(SplitHabitNote("Коваль Іван").habit);
  EXPECT_FALSE(SplitHabitNote("Koval (Klingon spelling)").habit);
  EXPECT_FALSE(SplitHabitNote(" (Turkish spelling)").habit) << "a note alone names no one";
}

}  // namespace
}  // namespace parley::names
