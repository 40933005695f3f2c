#include "server/interview_store.h"

#include <gtest/gtest.h>

#include "server/test_workspace.h"

namespace parley::server {
namespace {

Interview Outcome(std::string outcome) {
  return {0, 0, std::move(outcome), "icrc-1", "2026-05-23T10:00:00Z", "", ""};
}

TEST(InterviewStore, RecordsVersionsAndKeepsHistory) {
  testing::TestWorkspace tw;
  std::int64_t id = tw.Record("ru-custody", "RU-1");
  EXPECT_FALSE(CurrentInterview(tw.db(), id)->has_value());
  auto first = RecordInterview(tw.db(), id, 0, Outcome("refuses"));
  ASSERT_TRUE(first.has_value()) << first.error().Describe();
  EXPECT_EQ(first->version, 1);
  auto second = RecordInterview(tw.db(), id, 1, Outcome("consents"));
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ((*CurrentInterview(tw.db(), id))->outcome, "consents");
  auto history = InterviewHistory(tw.db(), id);
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].outcome, "refuses");
}

TEST(InterviewStore, StaleVersionIsAConflictAndLosesNothing) {
  testing::TestWorkspace tw;
  std::int64_t id = tw.Record("ru-custody", "RU-1");
  ASSERT_TRUE(RecordInterview(tw.db(), id, 0, Outcome("consents")).has_value());
  auto stale = RecordInterview(tw.db(), id, 0, Outcome("refuses"));
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ((*CurrentInterview(tw.db(), id))->outcome, "consents");
  EXPECT_EQ(InterviewHistory(tw.db(), id)->size(), 1u);
}

TEST(InterviewStore, RefusesBadInputNamingTheField) {
  testing::TestWorkspace tw;
  std::int64_t id = tw.Record("ru-custody", "RU-1");
  EXPECT_EQ(RecordInterview(tw.db(), id, 0, Outcome("maybe")).error().where.field, "outcome");
  Interview bad_time = Outcome("consents");
  bad_time.at = "yesterday";
  EXPECT_EQ(RecordInterview(tw.db(), id, 0, bad_time).error().where.field, "at");
  EXPECT_EQ(RecordInterview(tw.db(), 424242, 0, Outcome("consents")).error().code,
            ErrorCode::kNotFound);
}

TEST(InterviewStore, RowsCannotBeEditedInPlace) {
  testing::TestWorkspace tw;
  std::int64_t id = tw.Record("ru-custody", "RU-1");
  ASSERT_TRUE(RecordInterview(tw.db(), id, 0, Outcome("consents")).has_value());
  EXPECT_FALSE(tw.db().Exec("UPDATE interviews SET outcome = 'refuses'").has_value());
}

}  // namespace
}  // namespace parley::server
