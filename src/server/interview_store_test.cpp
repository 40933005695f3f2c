#include "server/interview_store.h"

#include <gtest/gtest.h>

#include "ledger/event.h"
#include "server/test_workspace.h"
#include "store/event_log.h"

namespace parley::server {
namespace {

const store::Actor kIcrc{"icrc-1"};

// The node log's last entry, opened (signature checked).
ledger::Event LastEvent(store::Workspace& ws) {
  auto* log = *ws.Events();
  auto leaves = log->Log().Storage().Read(log->Size() - 1, 1);
  EXPECT_TRUE(leaves.has_value());
  auto opened = ledger::OpenLeaf((*leaves)[0], log->Size() - 1);
  EXPECT_TRUE(opened.has_value()) << opened.error().Describe();
  return opened->event;
}

Interview Outcome(std::string outcome) {
  return {0, 0, std::move(outcome), "icrc-1", "2026-05-23T10:00:00Z", "", ""};
}

TEST(InterviewStore, RecordsVersionsAndKeepsHistory) {
  testing::TestWorkspace tw;
  std::int64_t id = tw.Record("ru-custody", "RU-1");
  EXPECT_FALSE(CurrentInterview(tw.db(), id)->has_value());
  auto first = RecordInterview(tw.ws(), id, 0, Outcome("refuses"), kIcrc);
  ASSERT_TRUE(first.has_value()) << first.error().Describe();
  EXPECT_EQ(first->version, 1);
  auto second = RecordInterview(tw.ws(), id, 1, Outcome("consents"), kIcrc);
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ((*CurrentInterview(tw.db(), id))->outcome, "consents");
  auto history = InterviewHistory(tw.db(), id);
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].outcome, "refuses");
}

TEST(InterviewStore, StaleVersionIsAConflictAndLosesNothing) {
  testing::TestWorkspace tw;
  std::int64_t id = tw.Record("ru-custody", "RU-1");
  ASSERT_TRUE(RecordInterview(tw.ws(), id, 0, Outcome("consents"), kIcrc).has_value());
  auto stale = RecordInterview(tw.ws(), id, 0, Outcome("refuses"), kIcrc);
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ((*CurrentInterview(tw.db(), id))->outcome, "consents");
  EXPECT_EQ(InterviewHistory(tw.db(), id)->size(), 1u);
}

TEST(InterviewStore, RefusesBadInputNamingTheField) {
  testing::TestWorkspace tw;
  std::int64_t id = tw.Record("ru-custody", "RU-1");
  EXPECT_EQ(RecordInterview(tw.ws(), id, 0, Outcome("maybe"), kIcrc).error().where.field,
            "outcome");
  Interview bad_time = Outcome("consents");
  bad_time.at = "yesterday";
  EXPECT_EQ(RecordInterview(tw.ws(), id, 0, bad_time, kIcrc).error().where.field, "at");
  EXPECT_EQ(RecordInterview(tw.ws(), 424242, 0, Outcome("consents"), kIcrc).error().code,
            ErrorCode::kNotFound);
}

TEST(InterviewStore, EachOutcomeIsASignedLedgerEventWithoutNotes) {
  testing::TestWorkspace tw;
  std::int64_t id = tw.Record("ru-custody", "RU-1");
  const std::uint64_t before = (*tw.ws().Events())->Size();
  Interview i = Outcome("unfit");
  i.notes = "private medical detail";
  ASSERT_TRUE(RecordInterview(tw.ws(), id, 0, i, kIcrc).has_value());
  EXPECT_EQ((*tw.ws().Events())->Size(), before + 1);
  ledger::Event e = LastEvent(tw.ws());
  EXPECT_EQ(e.type, "interview.recorded");
  EXPECT_EQ(e.actor, "icrc-1");
  EXPECT_EQ(e.body.at("record_id"), id);
  EXPECT_EQ(e.body.at("version"), 1);
  EXPECT_EQ(e.body.at("outcome"), "unfit");
  EXPECT_EQ(e.body.at("at"), "2026-05-23T10:00:00Z");
  EXPECT_EQ(e.body.dump().find("private"), std::string::npos);
  // A refused write appends nothing, and the log on disk still verifies.
  ASSERT_FALSE(RecordInterview(tw.ws(), id, 0, Outcome("consents"), kIcrc).has_value());
  EXPECT_EQ((*tw.ws().Events())->Size(), before + 1);
  auto verified = store::VerifyWorkspaceLedger(tw.db(), 1);
  ASSERT_TRUE(verified.has_value()) << verified.error().Describe();
  EXPECT_EQ(verified->at(0).size, before + 1);
  EXPECT_TRUE(verified->at(0).checkpoint_checked);
}

TEST(InterviewStore, RowsCannotBeEditedInPlace) {
  testing::TestWorkspace tw;
  std::int64_t id = tw.Record("ru-custody", "RU-1");
  ASSERT_TRUE(RecordInterview(tw.ws(), id, 0, Outcome("consents"), kIcrc).has_value());
  EXPECT_FALSE(tw.db().Exec("UPDATE interviews SET outcome = 'refuses'").has_value());
}

}  // namespace
}  // namespace parley::server
