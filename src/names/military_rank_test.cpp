#include "names/military_rank.h"

#include <gtest/gtest.h>

namespace parley::names {
namespace {

TEST(MilitaryRankTest, TheArmiesWordsForOneRankMeet) {
  EXPECT_EQ(RankGrade("солдат"), 1);
  EXPECT_EQ(RankGrade("рядовой"), 1);
  EXPECT_EQ(RankGrade("Private"), 1);
  EXPECT_EQ(RankGrade("старший солдат"), RankGrade("ефрейтор"));
  EXPECT_EQ(RankGrade("молодший сержант"), RankGrade("младший сержант"));
  EXPECT_EQ(RankGrade("ст. лейтенант"), RankGrade("Старший лейтенант"));
  EXPECT_EQ(RankGrade("Senior Lieutenant"), 11);
  EXPECT_EQ(RankGrade("Sgt."), RankGrade("сержант"));
  EXPECT_EQ(RankGrade("ПІДПОЛКОВНИК"), RankGrade("подполковник"));
  EXPECT_EQ(RankGrade("капитан 3 ранга"), RankGrade("майор"));
}

TEST(MilitaryRankTest, CiviliansAreAGradeOfTheirOwn) {
  EXPECT_EQ(RankGrade("гражданское лицо"), kCivilianGrade);
  EXPECT_EQ(RankGrade("цивільний"), kCivilianGrade);
  EXPECT_FALSE(RankGradesAdjacent(kCivilianGrade, RankGrade("генерал")));
  EXPECT_FALSE(RankGradesAdjacent(kCivilianGrade, RankGrade("рядовой")));
}

TEST(MilitaryRankTest, OtherTextSaysNothing) {
  EXPECT_EQ(RankGrade(""), kNoRankGrade);
  EXPECT_EQ(RankGrade("військовослужбовець"), kNoRankGrade);
  EXPECT_EQ(RankGrade("водій"), kNoRankGrade);
}

// A promotion between two lists, or the armies' nearest ranks (головний сержант / старшина are
// one grade; штаб-сержант / старшина are next to each other).
TEST(MilitaryRankTest, NeighbouringGradesAreAdjacent) {
  EXPECT_EQ(RankGrade("головний сержант"), RankGrade("старшина"));
  EXPECT_TRUE(RankGradesAdjacent(RankGrade("штаб-сержант"), RankGrade("старшина")));
  EXPECT_TRUE(RankGradesAdjacent(RankGrade("лейтенант"), RankGrade("старший лейтенант")));
  EXPECT_FALSE(RankGradesAdjacent(RankGrade("рядовой"), RankGrade("полковник")));
  EXPECT_FALSE(RankGradesAdjacent(RankGrade("сержант"), RankGrade("сержант")));
}

}  // namespace
}  // namespace parley::names
