#include "server/timestamp.h"

#include <gtest/gtest.h>

#include "handover/event_time.h"

namespace parley::server {
namespace {

TEST(Timestamp, NowHasTheCheckedShape) {
  EXPECT_TRUE(handover::CheckEventTime(UtcNow(), "at").has_value());
}

}  // namespace
}  // namespace parley::server
