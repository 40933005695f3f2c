#include "report/waterfall_chart.h"

#include <gtest/gtest.h>

namespace parley::report {
namespace {

TEST(WaterfallChart, BarsRunFromThePriorThroughEachStepToTheTotal) {
  const WaterfallChart chart{.start = -12.5,
                             .steps = {{"surname", 9.0}, {"given name", 7.5}, {"birth date", -3}}};
  const WaterfallGeometry g = LayOutWaterfall(chart);
  ASSERT_EQ(g.bars.size(), 5u);
  EXPECT_EQ(g.bars[0].kind, WaterfallBarKind::kStart);
  EXPECT_DOUBLE_EQ(g.bars[0].from, 0);
  EXPECT_DOUBLE_EQ(g.bars[0].to, -12.5);
  EXPECT_EQ(g.bars[1].kind, WaterfallBarKind::kUp);
  EXPECT_DOUBLE_EQ(g.bars[1].from, -12.5);
  EXPECT_DOUBLE_EQ(g.bars[1].to, -3.5);
  EXPECT_DOUBLE_EQ(g.bars[2].to, 4.0);
  EXPECT_EQ(g.bars[3].kind, WaterfallBarKind::kDown);
  EXPECT_DOUBLE_EQ(g.bars[3].from, 4.0);
  EXPECT_DOUBLE_EQ(g.bars[3].to, 1.0);
  EXPECT_EQ(g.bars[4].kind, WaterfallBarKind::kEnd);
  EXPECT_DOUBLE_EQ(g.bars[4].from, 0);
  EXPECT_DOUBLE_EQ(g.bars[4].to, 1.0);
  // The axis reaches the lowest (-12.5) and highest (4) ends, on readable ticks.
  EXPECT_DOUBLE_EQ(g.axis_min, -20);
  EXPECT_DOUBLE_EQ(g.axis_max, 5);
}

TEST(WaterfallChart, AnAllPositiveChartStartsItsAxisAtZero) {
  const WaterfallGeometry g = LayOutWaterfall({.start = 2, .steps = {{"surname", 3}}});
  EXPECT_DOUBLE_EQ(g.axis_min, 0);
  EXPECT_DOUBLE_EQ(g.axis_max, 5);
  EXPECT_DOUBLE_EQ(g.bars.back().to, 5);
}

TEST(WaterfallChart, AnEmptyChartStillHasAnAxis) {
  const WaterfallGeometry g = LayOutWaterfall({});
  EXPECT_EQ(g.bars.size(), 2u);
  EXPECT_LT(g.axis_min, g.axis_max);
}

}  // namespace
}  // namespace parley::report
