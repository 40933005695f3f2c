#include "core/clock.h"

#include <gtest/gtest.h>

#include "core/partial_date.h"

namespace parley {
namespace {

TEST(Clock, FormatsUtcAsStoredTimestamps) {
  EXPECT_EQ(FormatUtc(UtcTime(2026, 5, 23, 10, 0, 0)), "2026-05-23T10:00:00Z");
  EXPECT_EQ(FormatUtc(UtcTime(1999, 12, 31, 23, 59, 59)), "1999-12-31T23:59:59Z");
  // Fractions of a second are dropped, not rounded.
  EXPECT_EQ(FormatUtc(UtcTime(2026, 1, 2, 3, 4, 5) + std::chrono::milliseconds(999)),
            "2026-01-02T03:04:05Z");
}

TEST(Clock, NowHasTheStoredShape) {
  const std::string now = UtcNow();
  ASSERT_EQ(now.size(), 20u);
  EXPECT_EQ(now[10], 'T');
  EXPECT_EQ(now.back(), 'Z');
}

TEST(Clock, OverrideFixesNowUntilItEnds) {
  {
    ScopedClockOverride fixed(UtcTime(2026, 5, 23, 10));
    EXPECT_EQ(UtcNow(), "2026-05-23T10:00:00Z");
    EXPECT_EQ(WallNow(), UtcTime(2026, 5, 23, 10));
  }
  EXPECT_NE(UtcNow(), "2026-05-23T10:00:00Z");
}

TEST(Clock, OverrideDecidesWhatTheFutureIs) {
  ScopedClockOverride fixed(UtcTime(2000, 6, 15));
  EXPECT_EQ(TodayUtc(), (PartialDate{2000, 6, 15}));
  EXPECT_TRUE(ParsePartialDate("15.06.2000").has_value());
  EXPECT_FALSE(ParsePartialDate("16.06.2000").has_value());
}

}  // namespace
}  // namespace parley
