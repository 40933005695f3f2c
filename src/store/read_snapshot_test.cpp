// One snapshot across several reads: a write committed by another connection in between is
// not seen until the snapshot ends; a snapshot cannot start inside a transaction.
#include "store/read_snapshot.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <optional>

namespace parley::store {
namespace {

class ReadSnapshotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = std::filesystem::temp_directory_path() /
            ("parley-snapshot-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(file_);
    reader_.emplace(*Database::Open(file_, true));
    writer_.emplace(*Database::Open(file_, false));
    ASSERT_TRUE(reader_->Exec("CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (1);").has_value());
  }
  void TearDown() override {
    reader_.reset();
    writer_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(file_.string() + suffix);
    }
  }
  std::int64_t Count() { return reader_->QueryInt("SELECT count(*) FROM t")->value_or(-1); }

  std::filesystem::path file_;
  std::optional<Database> reader_;
  std::optional<Database> writer_;
};

TEST_F(ReadSnapshotTest, ReadsInsideSeeOneStateWritesOutsideWaitForTheEnd) {
  {
    ReadSnapshot snapshot(*reader_);
    ASSERT_TRUE(snapshot.Begin().has_value());
    EXPECT_EQ(Count(), 1);
    // Another connection commits meanwhile, without waiting for the reader (WAL).
    ASSERT_TRUE(writer_->Exec("INSERT INTO t VALUES (2)").has_value());
    EXPECT_EQ(Count(), 1);
  }
  EXPECT_EQ(Count(), 2);
}

TEST_F(ReadSnapshotTest, CannotStartInsideAnotherTransaction) {
  Transaction tx(*reader_);
  ASSERT_TRUE(tx.Begin().has_value());
  ReadSnapshot snapshot(*reader_);
  auto begun = snapshot.Begin();
  ASSERT_FALSE(begun.has_value());
  EXPECT_EQ(begun.error().code, ErrorCode::kConflict);
  ASSERT_TRUE(reader_->Exec("INSERT INTO t VALUES (3)").has_value());
  ASSERT_TRUE(tx.Commit().has_value());  // the failed snapshot did not end the transaction
  EXPECT_EQ(Count(), 2);
}

}  // namespace
}  // namespace parley::store
