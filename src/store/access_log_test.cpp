#include "store/access_log.h"

#include <gtest/gtest.h>

#include "store/test_workspace.h"

namespace parley::store {
namespace {

TEST(StoreAccessLog, RowsKeepTheirReadsNewestFirst) {
  testing::TempWorkspace t("parley-access");
  // As the server's log writes them: identical reads already coalesced into one row.
  const std::vector<AccessRow> batch = {{"2026-01-01T10:00:00Z", "olena", 7, "read", 3},
                                        {"2026-01-01T10:00:00Z", "olena", 8, "read", 1},
                                        {"2026-01-01T10:00:01Z", "petro", 7, "review", 2}};
  ASSERT_TRUE(AppendAccessRows(t.ws(), batch));
  auto rows = AccessRowsOfRecord(t.ws(), 7);
  ASSERT_TRUE(rows.has_value());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].user, "petro");
  EXPECT_EQ((*rows)[0].action, "review");
  EXPECT_EQ((*rows)[0].reads, 2);
  EXPECT_EQ((*rows)[1].user, "olena");
  EXPECT_EQ((*rows)[1].at, "2026-01-01T10:00:00Z");
  EXPECT_EQ((*rows)[1].record_id, 7);
  EXPECT_EQ((*rows)[1].reads, 3);
  EXPECT_TRUE(AccessRowsOfRecord(t.ws(), 9)->empty());
}

TEST(StoreAccessLog, ABatchIsWholeOrAbsent) {
  testing::TempWorkspace t("parley-access");
  // The second row breaks the table's check (reads >= 1): the first is not kept either.
  const std::vector<AccessRow> batch = {{"t", "olena", 7, "read", 1}, {"t", "olena", 8, "read", 0}};
  EXPECT_FALSE(AppendAccessRows(t.ws(), batch).has_value());
  EXPECT_TRUE(AccessRowsOfRecord(t.ws(), 7)->empty());
}

}  // namespace
}  // namespace parley::store
