// The statement cache of sqlite_db.h: a reused statement starts clean (no bindings, no open
// read snapshot), two uses of one SQL text at once get two statements, and one-off texts
// beyond the cache's size still work.
#include "store/sqlite_db.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

namespace parley::store {
namespace {

class SqliteDbTest : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = std::filesystem::temp_directory_path() /
            ("parley-sqlite-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(file_);
    auto db = Database::Open(file_, true);
    ASSERT_TRUE(db.has_value());
    db_.emplace(std::move(*db));
    ASSERT_TRUE(
        db_->Exec("CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (1), (2), (3);").has_value());
  }
  void TearDown() override {
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(file_.string() + suffix);
    }
  }
  std::int64_t Count(Database& db) {
    auto st = db.Prepare("SELECT count(*) FROM t WHERE x > ?");
    EXPECT_TRUE(st.has_value());
    st->Bind(1, std::int64_t{0});
    EXPECT_TRUE(*st->Step());
    return st->ColumnInt(0);
  }

  std::filesystem::path file_;
  std::optional<Database> db_;
};

TEST_F(SqliteDbTest, AReusedStatementHasNoBindingsLeft) {
  {
    auto st = db_->Prepare("SELECT ?");
    ASSERT_TRUE(st.has_value());
    st->Bind(1, std::int64_t{5});
    ASSERT_TRUE(*st->Step());
    EXPECT_EQ(st->ColumnInt(0), 5);
  }
  auto again = db_->Prepare("SELECT ?");
  ASSERT_TRUE(again.has_value());
  ASSERT_TRUE(*again->Step());
  EXPECT_TRUE(again->ColumnIsNull(0));
}

TEST_F(SqliteDbTest, AHalfReadStatementKeepsNoSnapshotOpen) {
  auto other = Database::Open(file_, false);
  ASSERT_TRUE(other.has_value());
  {
    auto st = db_->Prepare("SELECT x FROM t WHERE x > ? ORDER BY x");
    ASSERT_TRUE(st.has_value());
    st->Bind(1, std::int64_t{0});
    ASSERT_TRUE(*st->Step());  // one row of three, then dropped mid-read
  }
  ASSERT_TRUE(other->Exec("INSERT INTO t VALUES (4)").has_value());
  // A snapshot still open on db_ would not see the other connection's row.
  EXPECT_EQ(Count(*db_), 4);
}

TEST_F(SqliteDbTest, TwoUsesOfOneTextAtOnceAreIndependent) {
  auto a = db_->Prepare("SELECT x FROM t WHERE x >= ? ORDER BY x");
  auto b = db_->Prepare("SELECT x FROM t WHERE x >= ? ORDER BY x");
  ASSERT_TRUE(a.has_value() && b.has_value());
  a->Bind(1, std::int64_t{1});
  b->Bind(1, std::int64_t{3});
  ASSERT_TRUE(*a->Step());
  ASSERT_TRUE(*b->Step());
  EXPECT_EQ(a->ColumnInt(0), 1);
  EXPECT_EQ(b->ColumnInt(0), 3);
  ASSERT_TRUE(*a->Step());
  EXPECT_EQ(a->ColumnInt(0), 2);
}

TEST_F(SqliteDbTest, ManyOneOffTextsStillWork) {
  for (int i = 0; i < 600; ++i) {
    auto st = db_->Prepare("SELECT " + std::to_string(i));
    ASSERT_TRUE(st.has_value());
    ASSERT_TRUE(*st->Step());
    ASSERT_EQ(st->ColumnInt(0), i);
  }
  EXPECT_EQ(Count(*db_), 3);
}

TEST_F(SqliteDbTest, AStatementMayBeDestroyedAfterItsDatabase) {
  auto prepared = db_->Prepare("SELECT x FROM t WHERE x = ?");
  ASSERT_TRUE(prepared.has_value());
  std::optional<Statement> st(std::move(*prepared));
  st->Bind(1, std::int64_t{2});
  ASSERT_TRUE(*st->Step());
  db_.reset();  // the connection closes once its last statement is finalized
  st.reset();   // back to a cache that outlives the connection, then finalized with it
  SUCCEED();
}

TEST_F(SqliteDbTest, ReadRowsCollectsEveryRowInOrder) {
  auto st = db_->Prepare("SELECT x FROM t ORDER BY x DESC");
  ASSERT_TRUE(st.has_value());
  auto rows = ReadRows(*st, [](const Statement& row) { return row.ColumnInt(0); });
  ASSERT_TRUE(rows.has_value());
  EXPECT_EQ(*rows, (std::vector<std::int64_t>{3, 2, 1}));
}

TEST_F(SqliteDbTest, ReadRowsStopsAtTheFirstRowThatFailsToRead) {
  auto st = db_->Prepare("SELECT x FROM t ORDER BY x");
  ASSERT_TRUE(st.has_value());
  int calls = 0;
  auto rows = ReadRows(*st, [&](const Statement& row) -> Result<std::int64_t> {
    ++calls;
    if (row.ColumnInt(0) == 2) return std::unexpected(Error{ErrorCode::kCorruption, "bad row", {}});
    return row.ColumnInt(0);
  });
  ASSERT_FALSE(rows.has_value());
  EXPECT_EQ(rows.error().code, ErrorCode::kCorruption);
  EXPECT_EQ(calls, 2);
}

TEST_F(SqliteDbTest, ReadFirstRowIsEmptyWithoutARowAndLeavesNoSnapshotOpen) {
  auto none = db_->Prepare("SELECT x FROM t WHERE x > 10");
  ASSERT_TRUE(none.has_value());
  auto nothing = ReadFirstRow(*none, [](const Statement& row) { return row.ColumnInt(0); });
  ASSERT_TRUE(nothing.has_value());
  EXPECT_FALSE(nothing->has_value());

  auto other = Database::Open(file_, false);
  ASSERT_TRUE(other.has_value());
  auto st = db_->Prepare("SELECT x FROM t ORDER BY x");
  ASSERT_TRUE(st.has_value());
  auto first = ReadFirstRow(*st, [](const Statement& row) { return row.ColumnInt(0); });
  ASSERT_TRUE(first.has_value() && first->has_value());
  EXPECT_EQ(**first, 1);
  ASSERT_TRUE(other->Exec("INSERT INTO t VALUES (4)").has_value());
  EXPECT_EQ(Count(*db_), 4);  // the statement still held would otherwise pin the old snapshot
}

}  // namespace
}  // namespace parley::store
