#include "store/access_log.h"

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

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

// The node's log, as the admin pages read it: newest first, filtered in SQL, a page at a time,
// each row with its record's list and key.
AccessLogQuery Filter(std::optional<std::string> user, std::optional<std::int64_t> record = {},
                      std::optional<std::set<std::string>> lists = {}) {
  AccessLogQuery q;
  q.user = std::move(user);
  q.record_id = record;
  q.visible_lists = std::move(lists);
  return q;
}

AccessLogQuery Page(std::int64_t offset, std::int64_t limit) {
  AccessLogQuery q;
  q.offset = offset;
  q.limit = limit;
  return q;
}

class StoreAccessLogQuery : public ::testing::Test {
 protected:
  void SetUp() override {
    ua1_ = t_.Record("ua-request", "UA-1");
    ua2_ = t_.Record("ua-request", "UA-2");
    ru1_ = t_.Record("ru-custody", "RU-1");
    const std::vector<AccessRow> batch = {{"2026-01-01T10:00:00Z", "olena", ua1_, "read", 1},
                                          {"2026-01-01T10:00:01Z", "petro", ru1_, "review", 2},
                                          {"2026-01-01T10:00:02Z", "olena", ua2_, "history", 1},
                                          {"2026-01-01T10:00:03Z", "petro", ua1_, "export", 1},
                                          {"2026-01-01T10:00:04Z", "olena", ru1_, "read", 1}};
    ASSERT_TRUE(AppendAccessRows(t_.ws(), batch));
  }
  std::vector<std::string> Times(const AccessLogQuery& query) {
    auto page = QueryAccessLog(t_.ws(), query);
    EXPECT_TRUE(page.has_value());
    std::vector<std::string> out;
    for (const AccessLogRow& row : page->rows) out.push_back(row.access.at.substr(17, 2));
    return out;
  }

  testing::TwoPartyWorkspace t_{"parley-access"};
  std::int64_t ua1_ = 0, ua2_ = 0, ru1_ = 0;
};

TEST_F(StoreAccessLogQuery, NewestFirstWithTheRecordsListAndKey) {
  auto page = QueryAccessLog(t_.ws(), AccessLogQuery{});
  ASSERT_TRUE(page.has_value());
  ASSERT_EQ(page->rows.size(), 5u);
  EXPECT_FALSE(page->more);
  const AccessLogRow& newest = page->rows[0];
  EXPECT_EQ(newest.access.at, "2026-01-01T10:00:04Z");
  EXPECT_EQ(newest.access.user, "olena");
  EXPECT_EQ(newest.access.record_id, ru1_);
  EXPECT_EQ(newest.access.action, "read");
  EXPECT_EQ(newest.list, "ru-custody");
  EXPECT_EQ(newest.record_key, "RU-1");
  EXPECT_EQ(page->rows[3].access.reads, 2);
}

TEST_F(StoreAccessLogQuery, FiltersByUserRecordAndVisibleLists) {
  EXPECT_EQ(Times(Filter("olena")), (std::vector<std::string>{"04", "02", "00"}));
  EXPECT_EQ(Times(Filter({}, ua1_)), (std::vector<std::string>{"03", "00"}));
  EXPECT_EQ(Times(Filter("petro", ua1_)), (std::vector<std::string>{"03"}));
  EXPECT_TRUE(Times(Filter("nobody")).empty());
  std::set<std::string> ua_only = {"ua-request"};
  EXPECT_EQ(Times(Filter({}, {}, ua_only)), (std::vector<std::string>{"03", "02", "00"}));
  EXPECT_EQ(Times(Filter("olena", {}, ua_only)), (std::vector<std::string>{"02", "00"}));
  EXPECT_TRUE(Times(Filter({}, {}, std::set<std::string>{})).empty());
}

TEST_F(StoreAccessLogQuery, PagesSayWhetherMoreFollow) {
  auto first = QueryAccessLog(t_.ws(), Page(0, 2));
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->rows.size(), 2u);
  EXPECT_TRUE(first->more);
  EXPECT_EQ(Times(Page(2, 2)), (std::vector<std::string>{"02", "01"}));
  auto last = QueryAccessLog(t_.ws(), Page(4, 2));
  EXPECT_EQ(last->rows.size(), 1u);
  EXPECT_FALSE(last->more);
  auto exact = QueryAccessLog(t_.ws(), Page(3, 2));
  EXPECT_EQ(exact->rows.size(), 2u);
  EXPECT_FALSE(exact->more);
}

// The shape of QueryAccessLog's statement with a user filter: the index gives the rows in order.
TEST_F(StoreAccessLogQuery, AUsersRowsAreReadThroughItsIndexWithoutSorting) {
  auto st = t_.db().Prepare(
      "EXPLAIN QUERY PLAN SELECT a.at FROM access_log a "
      "LEFT JOIN person_records r ON r.id = a.record_id LEFT JOIN lists l ON l.id = r.list_id "
      "WHERE a.user_name = ? ORDER BY a.id DESC LIMIT 101 OFFSET 0");
  ASSERT_TRUE(st.has_value());
  st->Bind(1, "olena");
  auto details = ReadRows(*st, [](const Statement& row) { return row.ColumnText(3); });
  ASSERT_TRUE(details.has_value());
  std::string plan;
  for (const std::string& d : *details) plan += d + "; ";
  EXPECT_NE(plan.find("access_log_by_user"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
}

}  // namespace
}  // namespace parley::store
