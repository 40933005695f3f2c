#include "names/titles.h"

#include <gtest/gtest.h>

#include "names/military_rank.h"
#include "names/romanise_key.h"

namespace parley::names {
namespace {

TitleKind Of(std::string_view word) { return TitleKindOfKey(*RomanKey(word)); }

TEST(Titles, RanksInEveryScriptAndCase) {
  for (const char* word : {"рядовой", "Рядовий", "СЕРЖАНТ", "Sergeant", "captain", "Капітан"}) {
    EXPECT_EQ(Of(word), TitleKind::kWord) << word;
  }
  for (const char* word : {"мл", "ст", "Sgt", "MR", "Dr", "pvt"}) {
    EXPECT_EQ(Of(word), TitleKind::kAbbreviation) << word;
  }
}

// Every word of the rank ladder is a title: the ranks have one home (names/military_rank.h).
TEST(Titles, EveryWordOfTheRankLadderIsATitle) {
  int words = 0;
  ForEachRankWord([&](std::string_view word, bool abbreviation) {
    ++words;
    EXPECT_NE(TitleKindOfKey(*RomanKey(word)), TitleKind::kNone) << word;
    if (abbreviation) {
      EXPECT_EQ(TitleKindOfKey(*RomanKey(word)), TitleKind::kAbbreviation) << word;
    }
  });
  EXPECT_GT(words, 60);
  for (const char* word : {"полк", "civ", "Chief", "мичман", "Старшина", "Warrant"}) {
    EXPECT_NE(Of(word), TitleKind::kNone) << word;
  }
}

// Honorifics of sanctions and mediators' lists: a pilgrim's, a cleric's, a doctor's.
TEST(Titles, HonorificsAreTitles) {
  for (const char* word : {"Hajji", "Haji", "Mullah", "Maulana", "Mawlawi", "Doctor", "Shaykh"}) {
    EXPECT_EQ(Of(word), TitleKind::kWord) << word;
  }
}

TEST(Titles, NamesAreNotTitles) {
  for (const char* word : {"Шевченко", "Олександр", "Dmytro", "Сергій", "Петрович", "Stepan"}) {
    EXPECT_EQ(Of(word), TitleKind::kNone) << word;
  }
}

}  // namespace
}  // namespace parley::names
