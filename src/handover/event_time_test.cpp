#include "handover/event_time.h"

#include <gtest/gtest.h>

#include "core/clock.h"

namespace parley::handover {
namespace {

TEST(EventTime, NowHasTheCheckedShape) { EXPECT_TRUE(CheckEventTime(UtcNow(), "at").has_value()); }

TEST(EventTime, RejectsOtherShapesNamingTheField) {
  for (const char* bad : {"", "2026-05-23", "2026-05-23 14:05:00", "2026-05-23T14:05:00+02:00",
                          "2026-5-23T14:05:00Z"}) {
    auto r = CheckEventTime(bad, "at");
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_EQ(r.error().where.field, "at");
  }
}

}  // namespace
}  // namespace parley::handover
