// parley/report/waterfall_chart.h — the geometry of a waterfall chart (paper_layout.h's
// WaterfallChart): where each bar starts and ends on the value axis, and the axis's range.
// Pure, so the arithmetic is tested without a PDF; the typesetter (pdf_paper.cpp) and the
// browser UI (web/src/components/waterfall_chart.tsx) draw the same bars.
//
// Bars: the first runs from 0 to the start (the prior), each step from the running total to
// the running total plus its value, the last from 0 to the final total. The axis is symmetric
// steps of AxisTop (paper_layout.h) around zero, wide enough for every bar end.
//
//   WaterfallGeometry g = LayOutWaterfall(chart);
//   for (const WaterfallBar& bar : g.bars) draw(bar.from, bar.to, bar.kind);
#pragma once

#include <vector>

#include "report/paper_layout.h"

namespace parley::report {

enum class WaterfallBarKind { kStart, kUp, kDown, kEnd };

struct WaterfallBar {
  double from = 0;
  double to = 0;
  WaterfallBarKind kind = WaterfallBarKind::kUp;
};

struct WaterfallGeometry {
  std::vector<WaterfallBar> bars;  // start, one per step, end
  double axis_min = 0;             // <= every bar end, <= 0
  double axis_max = 0;             // >= every bar end, >= 0
};

[[nodiscard]] WaterfallGeometry LayOutWaterfall(const WaterfallChart& chart);

}  // namespace parley::report
