#include "server/access_journal.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "server/access_log.h"
#include "server/test_workspace.h"

namespace parley::server {
namespace {

namespace fs = std::filesystem;

class AccessJournalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("parley_journal_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::size_t Files() const {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir_), {}));
  }
  fs::path dir_;
};

TEST_F(AccessJournalTest, AJournalLeftByAKilledLogIsRecoveredCoalescedThenDiscarded) {
  {
    auto j = AccessJournal::Open(dir_);
    ASSERT_TRUE(j.has_value());
    ASSERT_TRUE((*j)->Append(AccessJournal::Line("2026-01-01T00:00:00Z", "olena", "read", {{7, 1}}))
                    .has_value());
    ASSERT_TRUE((*j)->Append(
        AccessJournal::Line("2026-01-01T00:00:00Z", "olena", "read", {{7, 1}, {8, 1}})));
    ASSERT_TRUE(
        (*j)->Append(AccessJournal::Line("2026-01-01T00:00:01Z", "petro", "history", {{7, 1}})));
  }  // destroyed without Remove(): as a killed process leaves it
  auto left = AccessJournal::Recover(dir_);
  ASSERT_TRUE(left.has_value()) << left.error().Describe();
  auto& [rows, files] = *left;
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].user, "olena");
  EXPECT_EQ(rows[0].record_id, 7);
  EXPECT_EQ(rows[0].reads, 2);
  EXPECT_EQ(rows[1].record_id, 8);
  EXPECT_EQ(rows[2].action, "history");
  files.Discard();
  EXPECT_EQ(Files(), 0u);
}

TEST_F(AccessJournalTest, ALiveJournalIsNotRecoveredByAnotherLog) {
  auto live = AccessJournal::Open(dir_);
  ASSERT_TRUE(live.has_value());
  ASSERT_TRUE(
      (*live)->Append(AccessJournal::Line("2026-01-01T00:00:00Z", "olena", "read", {{7, 1}})));
  auto left = AccessJournal::Recover(dir_);
  ASSERT_TRUE(left.has_value());
  EXPECT_TRUE(left->first.empty());
  left->second.Discard();
  EXPECT_EQ(Files(), 1u);  // still there, still its owner's
}

TEST_F(AccessJournalTest, SealedRowsStayUntilDiscardedAndNewOnesGoToANewFile) {
  auto j = AccessJournal::Open(dir_);
  ASSERT_TRUE(j.has_value());
  ASSERT_TRUE((*j)->Append(AccessJournal::Line("2026-01-01T00:00:00Z", "olena", "read", {{1, 1}})));
  {
    auto committed = (*j)->Seal();
    ASSERT_TRUE(committed.has_value());
    committed->Discard();  // its rows reached the database
  }
  ASSERT_TRUE((*j)->Append(AccessJournal::Line("2026-01-01T00:00:00Z", "olena", "read", {{2, 1}})));
  {
    auto failed = (*j)->Seal();  // its write fails: destroyed, not discarded
    ASSERT_TRUE(failed.has_value());
  }
  ASSERT_TRUE((*j)->Append(AccessJournal::Line("2026-01-01T00:00:00Z", "olena", "read", {{3, 1}})));
  j->reset();  // killed
  auto left = AccessJournal::Recover(dir_);
  ASSERT_TRUE(left.has_value());
  ASSERT_EQ(left->first.size(), 2u);
  EXPECT_EQ(left->first[0].record_id, 2);
  EXPECT_EQ(left->first[1].record_id, 3);
}

TEST_F(AccessJournalTest, ATornLastLineIsSkippedAndFilesArePrivate) {
  const mode_t old = ::umask(0);
  auto j = AccessJournal::Open(dir_);
  ::umask(old);
  ASSERT_TRUE(j.has_value());
  ASSERT_TRUE((*j)->Append(AccessJournal::Line("2026-01-01T00:00:00Z", "olena", "read", {{1, 1}})));
  j->reset();
  fs::path file = *fs::directory_iterator(dir_);
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  std::ofstream(file, std::ios::app) << R"({"at":"2026-01-01T00:00:00Z","user":"ol)";
  auto left = AccessJournal::Recover(dir_);
  ASSERT_TRUE(left.has_value());
  ASSERT_EQ(left->first.size(), 1u);
  EXPECT_EQ(left->first[0].record_id, 1);
}

TEST_F(AccessJournalTest, NamesThatNeedEscapingComeBackAsTheyWere) {
  const std::string user = "o\"le\nna\\";
  {
    auto j = AccessJournal::Open(dir_);
    ASSERT_TRUE(j.has_value());
    ASSERT_TRUE((*j)->Append(AccessJournal::Line("2026-01-01T00:00:00Z", user, "read", {{5, 1}})));
  }
  auto left = AccessJournal::Recover(dir_);
  ASSERT_TRUE(left.has_value());
  ASSERT_EQ(left->first.size(), 1u);
  EXPECT_EQ(left->first[0].user, user);
}

TEST(AccessLogJournal, TheNextLogWritesTheReadsAKilledOneLeft) {
  testing::TestWorkspace tw;
  std::int64_t id = tw.Record("ua-request", "UA-1");
  {
    auto j = AccessJournal::Open(tw.dir());
    ASSERT_TRUE(j.has_value());
    ASSERT_TRUE((*j)->Append(
        AccessJournal::Line("2026-01-01T00:00:00Z", "olena", "read", {{id, 1}, {id, 1}})));
  }
  {
    auto ws = store::Workspace::Open(tw.dir());
    ASSERT_TRUE(ws.has_value());
    AccessLog log(std::move(*ws));
    log.Close();
  }
  auto rows = ReadAccessLog(tw.ws(), id);
  ASSERT_TRUE(rows.has_value());
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->front().user, "olena");
  EXPECT_EQ(rows->front().reads, 2);
  for (const auto& e : fs::directory_iterator(tw.dir())) {
    EXPECT_FALSE(e.path().filename().string().starts_with("access-log.")) << e.path();
  }
}

}  // namespace
}  // namespace parley::server
