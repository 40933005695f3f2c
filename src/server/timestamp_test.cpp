#include "server/timestamp.h"

#include <gtest/gtest.h>

namespace parley::server {
namespace {

TEST(Timestamp, NowHasTheCheckedShape) { EXPECT_TRUE(CheckTimestamp(UtcNow(), "at").has_value()); }

TEST(Timestamp, RejectsOtherShapesNamingTheField) {
  for (const char* bad : {"", "2026-05-23", "2026-05-23 14:05:00", "2026-05-23T14:05:00+02:00",
                          "2026-5-23T14:05:00Z"}) {
    auto r = CheckTimestamp(bad, "at");
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_EQ(r.error().where.field, "at");
  }
}

}  // namespace
}  // namespace parley::server
