// LoggedTransaction (store/event_log.h): the transaction, event, checkpoint and in-memory log
// of one workspace change commit together or roll back together.
#include <gtest/gtest.h>

#include <string>

#include "ledger/checkpoint.h"
#include "ledger/event.h"
#include "store/event_log.h"
#include "store/test_workspace.h"

namespace parley::store {
namespace {

class LoggedTransactionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // A table of the test's own stands for a change's rows.
    ASSERT_TRUE(t_.db().Exec("CREATE TABLE probe(n INTEGER)").has_value());
  }

  std::int64_t Count(const std::string& sql) { return t_.db().QueryInt(sql)->value_or(-1); }
  Result<void> InsertProbe(std::int64_t n) {
    return t_.db().Exec("INSERT INTO probe VALUES (" + std::to_string(n) + ")");
  }
  // Begins TX and makes a change in it: a probe row and its event. Returns the log.
  EventLog* BeginProbeChange(LoggedTransaction& tx) {
    EXPECT_TRUE(tx.Begin().has_value());
    EXPECT_TRUE(InsertProbe(1).has_value());
    EXPECT_TRUE(tx.Append({.name = "clerk1"}, "test.probed", {{"n", 1}}).has_value());
    EXPECT_EQ(tx.Log().Size(), 1u);
    return &tx.Log();
  }
  // Neither the log in memory (looked at before Events() could reopen it from the database)
  // nor the database kept any event or checkpoint.
  void ExpectNoEventKept(EventLog& log) {
    EXPECT_EQ(log.Size(), 0u);
    EXPECT_EQ(log.Log().Storage().Size(), 0u);
    EXPECT_EQ(Count("SELECT count(*) FROM ledger_entries"), 0);
    EXPECT_EQ(Count("SELECT count(*) FROM ledger_checkpoints"), 0);
  }

  testing::TempWorkspace t_{"parley-logged-tx"};
};

TEST_F(LoggedTransactionTest, CommitKeepsTheRowsTheEventAndACheckpointOfTheWholeLog) {
  {
    LoggedTransaction tx(t_.ws());
    ASSERT_TRUE(tx.Begin().has_value());
    ASSERT_TRUE(InsertProbe(1).has_value());
    auto committed = tx.Commit({.name = "clerk1"}, "test.probed", {{"n", 1}});
    ASSERT_TRUE(committed.has_value()) << committed.error().Describe();
  }
  EXPECT_EQ(Count("SELECT count(*) FROM probe"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM ledger_entries"), 1);

  auto events = t_.ws().Events();
  ASSERT_TRUE(events.has_value()) << events.error().Describe();
  EventLog& log = **events;
  ASSERT_EQ(log.Size(), 1u);
  auto leaves = log.Log().Storage().Read(0, 1);
  ASSERT_TRUE(leaves.has_value());
  auto opened = ledger::OpenLeaf((*leaves)[0], 0);
  ASSERT_TRUE(opened.has_value()) << opened.error().Describe();
  EXPECT_EQ(opened->event.type, "test.probed");
  EXPECT_EQ(opened->event.actor, "clerk1");
  EXPECT_EQ(opened->event.body["n"], 1);

  // The checkpoint is signed by the node key and covers exactly the log as committed.
  auto note = log.Log().LatestCheckpoint();
  ASSERT_TRUE(note.has_value() && note->has_value());
  auto cp = ledger::OpenCheckpoint(**note, std::vector{log.NodeKey().Public()});
  ASSERT_TRUE(cp.has_value()) << cp.error().Describe();
  EXPECT_FALSE(cp->verification.verified_by.empty());
  EXPECT_EQ(cp->checkpoint.origin, log.Node().origin);
  EXPECT_EQ(cp->checkpoint.size, 1u);
  EXPECT_EQ(cp->checkpoint.root, log.Log().Root());

  auto verified = VerifyWorkspaceLedger(t_.db(), 2);
  ASSERT_TRUE(verified.has_value()) << verified.error().Describe();
  EXPECT_TRUE(verified->front().checkpoint_checked);
}

TEST_F(LoggedTransactionTest, AnAppendedChangeLeftWithoutCommitRollsBackRowsAndTheLog) {
  EventLog* log = nullptr;
  {
    LoggedTransaction tx(t_.ws());
    log = BeginProbeChange(tx);
  }  // an error return would leave here too
  ExpectNoEventKept(*log);
  EXPECT_EQ(Count("SELECT count(*) FROM probe"), 0);

  // The next change takes seq 0, and the whole log still verifies.
  LoggedTransaction next(t_.ws());
  ASSERT_TRUE(next.Begin().has_value());
  auto event = next.Append({.name = "clerk1"}, "test.probed", {{"n", 2}});
  ASSERT_TRUE(event.has_value()) << event.error().Describe();
  EXPECT_EQ(event->event.seq, 0u);
  ASSERT_TRUE(next.Commit().has_value());
  auto verified = VerifyWorkspaceLedger(t_.db(), 2);
  ASSERT_TRUE(verified.has_value()) << verified.error().Describe();
  EXPECT_EQ(verified->front().size, 1u);
}

TEST_F(LoggedTransactionTest, AFailedCommitCommitsNothing) {
  ASSERT_TRUE(t_.db().Exec("INSERT INTO probe VALUES (0)").has_value());
  EventLog* log = nullptr;
  {
    LoggedTransaction tx(t_.ws());
    log = BeginProbeChange(tx);
    // A second event whose actor no key can be named after fails after the first was appended.
    auto failed = tx.Commit({.name = "two words"}, "test.probed", {{"n", 2}});
    ASSERT_FALSE(failed.has_value());
  }
  ExpectNoEventKept(*log);
  EXPECT_EQ(Count("SELECT count(*) FROM probe"), 1);  // the row from before the change
}

TEST_F(LoggedTransactionTest, CommitWithoutAnEventSignsNoCheckpoint) {
  {
    LoggedTransaction tx(t_.ws());
    ASSERT_TRUE(tx.Begin().has_value());
    ASSERT_TRUE(InsertProbe(1).has_value());
    ASSERT_TRUE(tx.Commit().has_value());
  }
  EXPECT_EQ(Count("SELECT count(*) FROM probe"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM ledger_entries"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM ledger_checkpoints"), 0);
}

}  // namespace
}  // namespace parley::store
