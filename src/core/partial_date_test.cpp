#include "core/partial_date.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

const DateBounds kBounds{1900, PartialDate{2026, 11, 25}};

PartialDate Parse(std::string_view s) {
  auto r = ParsePartialDate(s, kBounds);
  EXPECT_TRUE(r.has_value()) << s << ": " << (r ? "" : r.error().Describe());
  return r.value_or(PartialDate{});
}

std::string ErrorOf(std::string_view s) {
  auto r = ParsePartialDate(s, kBounds);
  EXPECT_FALSE(r.has_value()) << s << " was accepted";
  return r ? "" : r.error().message;
}

TEST(PartialDate, ReadsEveryDocumentedForm) {
  EXPECT_EQ(Parse("1991-07-04").ToIso(), "1991-07-04");
  EXPECT_EQ(Parse("1991-07").ToIso(), "1991-07");
  EXPECT_EQ(Parse("1991").ToIso(), "1991");
  EXPECT_EQ(Parse("04.07.1991").ToIso(), "1991-07-04");
  EXPECT_EQ(Parse("4.7.1991").ToIso(), "1991-07-04");
  EXPECT_EQ(Parse("07.1991").ToIso(), "1991-07");
  EXPECT_EQ(Parse(" 04/07/1991 ").ToIso(), "1991-07-04");
  EXPECT_TRUE(Parse("").IsUnknown());
  EXPECT_TRUE(Parse("   ").IsUnknown());
}

TEST(PartialDate, AcceptsLeapDayOnlyInLeapYears) {
  EXPECT_EQ(Parse("29.02.2000").ToIso(), "2000-02-29");
  EXPECT_NE(ErrorOf("29.02.1900").find("28 days"), std::string::npos);
}

TEST(PartialDate, RefusesImpossibleDates) {
  EXPECT_NE(ErrorOf("31.02.1990").find("impossible"), std::string::npos);
  EXPECT_NE(ErrorOf("12.13.1990").find("month 13"), std::string::npos);
  EXPECT_NE(ErrorOf("1812").find("before 1900"), std::string::npos);
  EXPECT_NE(ErrorOf("01.01.2027").find("future"), std::string::npos);
  EXPECT_NE(ErrorOf("00.05.1990").find("zero"), std::string::npos);
}

TEST(PartialDate, JudgesTheFutureOnKnownPartsOnly) {
  EXPECT_EQ(Parse("2026").ToIso(), "2026");
  EXPECT_EQ(Parse("11.2026").ToIso(), "2026-11");
  EXPECT_FALSE(ParsePartialDate("12.2026", kBounds).has_value());
}

TEST(PartialDate, RefusesMalformedText) {
  for (const char* s : {"abc", "1991-7-4-1", "04.07.91", "1991.07", "04-07.1991", "19911"}) {
    EXPECT_NE(ErrorOf(s).find("DD.MM.YYYY"), std::string::npos) << s;
  }
}

TEST(PartialDate, OrdersByKnownParts) {
  EXPECT_LT(Parse("1990"), Parse("1991"));
  EXPECT_LT(Parse("03.1991"), Parse("04.1991"));
}

}  // namespace
}  // namespace parley
