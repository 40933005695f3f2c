#include "report/paper_layout.h"

#include <gtest/gtest.h>

namespace parley::report {
namespace {

TEST(PaperLayout, ColumnsShareTheWidthByWeight) {
  const std::vector<TableColumn> columns{{"a", 1}, {"b", 3}};
  const std::vector<double> widths = ColumnWidths(columns, 400);
  ASSERT_EQ(widths.size(), 2u);
  EXPECT_DOUBLE_EQ(widths[0], 100);
  EXPECT_DOUBLE_EQ(widths[1], 300);
}

TEST(PaperLayout, AxisTopIsTheNextRoundNumber) {
  EXPECT_DOUBLE_EQ(AxisTop(0), 1);
  EXPECT_DOUBLE_EQ(AxisTop(7), 10);
  EXPECT_DOUBLE_EQ(AxisTop(10), 10);
  EXPECT_DOUBLE_EQ(AxisTop(11), 20);
  EXPECT_DOUBLE_EQ(AxisTop(230), 250);
  EXPECT_DOUBLE_EQ(AxisTop(251), 500);
  EXPECT_DOUBLE_EQ(AxisTop(501), 1000);
}

TEST(PaperLayout, QrModulesAreSquareWithTheThreeFinderPatterns) {
  auto qr = QrModules("parley-checkpoint v1 parley/demo/0123456789abcdef 16 " +
                      std::string(64, 'a') + " act-plan1-phase1");
  ASSERT_TRUE(qr.has_value());
  const std::size_t n = qr->size();
  ASSERT_GE(n, 21u);
  EXPECT_EQ((n - 17) % 4, 0u);  // a QR code is 17 + 4 * version modules wide
  for (const auto& row : *qr) EXPECT_EQ(row.size(), n);
  // A finder pattern's outer ring is dark, the ring inside it light, in each of three corners.
  for (auto [r, c] : {std::pair<std::size_t, std::size_t>{0, 0}, {0, n - 7}, {n - 7, 0}}) {
    EXPECT_TRUE((*qr)[r][c]);
    EXPECT_TRUE((*qr)[r + 6][c + 6]);
    EXPECT_FALSE((*qr)[r + 1][c + 1]);
    EXPECT_TRUE((*qr)[r + 3][c + 3]);
  }
}

}  // namespace
}  // namespace parley::report
