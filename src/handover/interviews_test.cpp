#include "handover/interviews.h"

#include <gtest/gtest.h>

#include "handover/test_workspace.h"
#include "ledger/event.h"
#include "store/event_log.h"

namespace parley::handover {
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

Interview Outcome(InterviewOutcome outcome) {
  return {0, 0, outcome, "icrc-1", "2026-05-23T10:00:00Z", "", ""};
}

TEST(InterviewStore, RecordsVersionsAndKeepsHistory) {
  testing::TestWorkspace tw;
  std::int64_t id = tw.Record("ru-custody", "RU-1");
  EXPECT_FALSE(CurrentInterview(tw.ws(), id)->has_value());
  auto first = RecordInterview(tw.ws(), id, 0, Outcome(InterviewOutcome::kRefuses), kIcrc);
  ASSERT_TRUE(first.has_value()) << first.error().Describe();
  EXPECT_EQ(first->version, 1);
  auto second = RecordInterview(tw.ws(), id, 1, Outcome(InterviewOutcome::kConsents), kIcrc);
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ((*CurrentInterview(tw.ws(), id))->outcome, InterviewOutcome::kConsents);
  auto history = InterviewHistory(tw.ws(), id);
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].outcome, InterviewOutcome::kRefuses);
}

TEST(InterviewStore, StaleVersionIsAConflictAndLosesNothing) {
  testing::TestWorkspace tw;
  std::int64_t id = tw.Record("ru-custody", "RU-1");
  ASSERT_TRUE(
      RecordInterview(tw.ws(), id, 0, Outcome(InterviewOutcome::kConsents), kIcrc).has_value());
  auto stale = RecordInterview(tw.ws(), id, 0, Outcome(InterviewOutcome::kRefuses), kIcrc);
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ((*CurrentInterview(tw.ws(), id))->outcome, InterviewOutcome::kConsents);
  EXPECT_EQ(InterviewHistory(tw.ws(), id)->size(), 1u);
}

TEST(InterviewStore, RefusesBadInputNamingTheField) {
  testing::TestWorkspace tw;
  std::int64_t id = tw.Record("ru-custody", "RU-1");
  // An unknown outcome never becomes an Interview: parsing it refuses, naming the field.
  EXPECT_EQ(ParseInterviewOutcome("maybe").error().where.field, "outcome");
  Interview bad_time = Outcome(InterviewOutcome::kConsents);
  bad_time.at = "yesterday";
  EXPECT_EQ(RecordInterview(tw.ws(), id, 0, bad_time, kIcrc).error().where.field, "at");
  EXPECT_EQ(
      RecordInterview(tw.ws(), 424242, 0, Outcome(InterviewOutcome::kConsents), kIcrc).error().code,
      ErrorCode::kNotFound);
}

TEST(InterviewStore, EachOutcomeIsASignedLedgerEventWithoutNotes) {
  testing::TestWorkspace tw;
  std::int64_t id = tw.Record("ru-custody", "RU-1");
  const std::uint64_t before = (*tw.ws().Events())->Size();
  Interview i = Outcome(InterviewOutcome::kUnfit);
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
  ASSERT_FALSE(
      RecordInterview(tw.ws(), id, 0, Outcome(InterviewOutcome::kConsents), kIcrc).has_value());
  EXPECT_EQ((*tw.ws().Events())->Size(), before + 1);
  auto verified = store::VerifyWorkspaceLedger(tw.db(), 1);
  ASSERT_TRUE(verified.has_value()) << verified.error().Describe();
  EXPECT_EQ(verified->at(0).size, before + 1);
  EXPECT_TRUE(verified->at(0).checkpoint_checked);
}

TEST(InterviewStore, RowsCannotBeEditedInPlace) {
  testing::TestWorkspace tw;
  std::int64_t id = tw.Record("ru-custody", "RU-1");
  ASSERT_TRUE(
      RecordInterview(tw.ws(), id, 0, Outcome(InterviewOutcome::kConsents), kIcrc).has_value());
  EXPECT_FALSE(tw.db().Exec("UPDATE interviews SET outcome = 'refuses'").has_value());
}

}  // namespace
}  // namespace parley::handover
