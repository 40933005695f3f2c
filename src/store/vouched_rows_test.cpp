// store/vouched_rows.h: rows against the events that vouch for them, old events that carry
// less, rows without events, and the two digests events carry.
#include "store/vouched_rows.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "store/event_log.h"
#include "store/exchange_events.h"
#include "store/test_workspace.h"

namespace parley::store {
namespace {

bool Mentions(const std::vector<std::string>& lines, const std::string& text) {
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string& l) { return l.find(text) != std::string::npos; });
}

std::int64_t Rows(const VouchedRowsReport& report, const std::string& table) {
  for (const auto& t : report.tables) {
    if (t.table == table) return t.rows;
  }
  return -1;
}

class VouchedRowsTest : public ::testing::Test {
 protected:
  // An interview row and an event shaped as before events carried notes and recorded_at.
  void RecordOldStyleInterview(std::int64_t record) {
    LoggedTransaction tx(t_.ws());
    ASSERT_TRUE(tx.Begin());
    ASSERT_TRUE(InsertInterview(t_.ws(), {record, 1, "consents", "icrc-1", "2026-05-01T10:00:00Z",
                                          "a note", "2026-05-01T10:01:00Z"}));
    ASSERT_TRUE(tx.Commit({.name = "icrc-1"}, "interview.recorded",
                          {{"record_id", record},
                           {"version", 1},
                           {"outcome", "consents"},
                           {"at", "2026-05-01T10:00:00Z"},
                           {"interviewer", "icrc-1"}}));
  }
  void Sql(const std::string& sql) { ASSERT_TRUE(t_.db().Exec(sql)) << sql; }

  testing::TwoPartyWorkspace t_{"parley-vouched"};
};

TEST_F(VouchedRowsTest, AnUntouchedWorkspaceHasNoProblems) {
  auto report = VerifyVouchedRows(t_.ws());
  ASSERT_TRUE(report) << report.error().Describe();
  EXPECT_TRUE(report->problems.empty()) << report->problems.front();
  EXPECT_EQ(Rows(*report, "list_versions"), 2);
  EXPECT_EQ(Rows(*report, "interviews"), 0);
}

TEST_F(VouchedRowsTest, AnOldEventIsCheckedForWhatItCarriesAndSaysWhatItCannotProve) {
  const std::int64_t record = t_.Record("ru-custody", "RU-1");
  RecordOldStyleInterview(record);
  auto report = VerifyVouchedRows(t_.ws());
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->problems.empty());
  EXPECT_TRUE(Mentions(report->unproved, "interviews.notes_commitment: 1 row(s)"));
  EXPECT_TRUE(Mentions(report->unproved, "interviews.recorded_at: 1 row(s)"));
  Sql("DROP TRIGGER interviews_are_append_only");
  Sql("UPDATE interviews SET outcome = 'refuses', notes = 'edited'");
  report = VerifyVouchedRows(t_.ws());
  ASSERT_TRUE(report);
  ASSERT_EQ(report->problems.size(), 1u);  // the notes were never committed to
  EXPECT_EQ(report->problems[0],
            "interviews record " + std::to_string(record) +
                " interview version 1: outcome is 'refuses' but the interview.recorded event "
                "(seq 2) signed 'consents'");
}

TEST_F(VouchedRowsTest, RowsWithoutEventsAndEventsWithoutRowsAreNamed) {
  const std::int64_t record = t_.Record("ru-custody", "RU-1");
  ASSERT_TRUE(InsertInterview(
      t_.ws(), {record, 1, "refuses", "x", "2026-05-01T10:00:00Z", "", "2026-05-01T10:00:00Z"}));
  Sql("DROP TRIGGER ledger_list_events_are_kept");
  Sql("DELETE FROM ledger_list_events WHERE seq = 1");
  auto report = VerifyVouchedRows(t_.ws());
  ASSERT_TRUE(report);
  EXPECT_TRUE(Mentions(report->problems, "interviews record " + std::to_string(record) +
                                             " interview version 1: no interview.recorded "
                                             "event vouches for it"));
  EXPECT_TRUE(Mentions(report->problems,
                       "list_versions list ru-custody version 1: has no row in "
                       "ledger_list_events"));
}

TEST_F(VouchedRowsTest, AListVersionWhoseEventWasRemovedFromTheLogIsNamed) {
  Sql("DROP TRIGGER ledger_entries_are_kept");
  Sql("DELETE FROM ledger_entries WHERE seq = 1");
  Sql("DELETE FROM ledger_checkpoints");
  auto report = VerifyVouchedRows(t_.ws());
  ASSERT_TRUE(report);
  EXPECT_TRUE(Mentions(report->problems,
                       "list_versions list ru-custody version 1: its list.version_submitted "
                       "event seq 1 is not in the log (the log has 1 entries)"));
}

TEST(PlanPeopleDigest, IgnoresRowOrderAndSeesEveryColumn) {
  const std::vector<PlanPersonRow> rows = {{7, 1, 1}, {3, 2, 2}};
  const std::string digest = PlanPeopleDigest(rows);
  EXPECT_EQ(digest, PlanPeopleDigest({{3, 2, 2}, {7, 1, 1}}));
  EXPECT_NE(digest, PlanPeopleDigest({{7, 1, 2}, {3, 2, 2}}));
  EXPECT_NE(digest, PlanPeopleDigest({{7, 2, 1}, {3, 2, 2}}));
  EXPECT_NE(digest, PlanPeopleDigest({{7, 1, 1}}));
}

TEST(TextCommitment, BindsTheTextToItsRowAndHidesIt) {
  testing::TempWorkspace t("parley-commit");
  auto log = t.ws().Events();
  ASSERT_TRUE(log);
  auto a = TextCommitment(**log, "interviews", 5, 1, "notes", "spoke alone");
  ASSERT_TRUE(a);
  EXPECT_EQ(*a, *TextCommitment(**log, "interviews", 5, 1, "notes", "spoke alone"));
  EXPECT_NE(*a, *TextCommitment(**log, "interviews", 5, 1, "notes", "spoke alone."));
  EXPECT_NE(*a, *TextCommitment(**log, "interviews", 6, 1, "notes", "spoke alone"));
  EXPECT_NE(*a, *TextCommitment(**log, "interviews", 5, 2, "notes", "spoke alone"));
  EXPECT_NE(*a, *TextCommitment(**log, "link_decisions", 5, 1, "notes", "spoke alone"));
  EXPECT_EQ(a->find("spoke"), std::string::npos);
}

}  // namespace
}  // namespace parley::store
