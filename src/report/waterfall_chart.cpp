#include "report/waterfall_chart.h"

#include <algorithm>

namespace parley::report {

WaterfallGeometry LayOutWaterfall(const WaterfallChart& chart) {
  WaterfallGeometry g;
  double low = 0;
  double high = 0;
  auto add = [&](double from, double to, WaterfallBarKind kind) {
    g.bars.push_back({from, to, kind});
    low = std::min({low, from, to});
    high = std::max({high, from, to});
  };
  add(0, chart.start, WaterfallBarKind::kStart);
  double total = chart.start;
  for (const WaterfallStep& step : chart.steps) {
    add(total, total + step.value,
        step.value < 0 ? WaterfallBarKind::kDown : WaterfallBarKind::kUp);
    total += step.value;
  }
  add(0, total, WaterfallBarKind::kEnd);
  // Each side rounded up to a readable tick (1, 2, 2.5, 5 times a power of ten); a side with
  // no bar stays at zero so the chart does not waste half its width.
  g.axis_max = high > 0 ? AxisTop(high) : 0;
  g.axis_min = low < 0 ? -AxisTop(-low) : 0;
  if (g.axis_max == g.axis_min) g.axis_max = 1;
  return g;
}

}  // namespace parley::report
