#include "names/titles.h"

#include <gtest/gtest.h>

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

TEST(Titles, NamesAreNotTitles) {
  for (const char* word : {"Шевченко", "Олександр", "Dmytro", "Сергій", "Петрович", "Stepan"}) {
    EXPECT_EQ(Of(word), TitleKind::kNone) << word;
  }
}

}  // namespace
}  // namespace parley::names
