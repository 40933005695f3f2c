// The handover day's rows: the current interview is the highest version, wherever it is asked
// for; history and handover events come back in order; a missing record is named.
#include "store/exchange_events.h"

#include <gtest/gtest.h>

#include "store/test_workspace.h"

namespace parley::store {
namespace {

class ExchangeEventsTest : public ::testing::Test {
 protected:
  ExchangeEventsTest() : t_("parley-xev") {
    std::vector<PersonRecord> people;
    for (const char* key : {"R1", "R2", "R3"}) {
      PersonRecord r;
      r.id = key;
      r.surname = "Иванов";
      r.given_name = "Сергей";
      people.push_back(r);
    }
    t_.Import("ru-custody", ListKind::kCustody, "ru", people);
    r1_ = t_.Record("ru-custody", "R1");
    r2_ = t_.Record("ru-custody", "R2");
  }

  void Interview(std::int64_t record, std::int64_t version, const std::string& outcome) {
    auto done = InsertInterview(t_.ws(), {record, version, outcome, "icrc-1",
                                          "2026-05-23T10:00:00Z", "", "2026-05-23T10:01:00Z"});
    ASSERT_TRUE(done.has_value()) << done.error().Describe();
  }

  void Handover(std::int64_t record, std::int64_t seq, const std::string& event) {
    auto done = InsertHandoverEvent(t_.ws(), {record, seq, event, 1, "Sumy", "2026-05-23T14:05:00Z",
                                              "cp-1", "2026-05-23T14:06:00Z"});
    ASSERT_TRUE(done.has_value()) << done.error().Describe();
  }

  testing::TempWorkspace t_;
  std::int64_t r1_ = 0;
  std::int64_t r2_ = 0;
};

TEST_F(ExchangeEventsTest, CurrentInterviewIsTheHighestVersion) {
  EXPECT_FALSE(ReadCurrentInterview(t_.ws(), r1_)->has_value());
  Interview(r1_, 1, "refuses");
  Interview(r1_, 2, "consents");
  Interview(r2_, 1, "unfit");
  auto current = ReadCurrentInterview(t_.ws(), r1_);
  ASSERT_TRUE(current.has_value() && current->has_value());
  EXPECT_EQ((*current)->version, 2);
  EXPECT_EQ((*current)->outcome, "consents");
  EXPECT_EQ((*current)->interviewer, "icrc-1");
  EXPECT_EQ((*current)->recorded_at, "2026-05-23T10:01:00Z");
  auto all = ReadCurrentInterviews(t_.ws());
  ASSERT_TRUE(all.has_value());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].record_id, r1_);
  EXPECT_EQ((*all)[0].outcome, "consents");
  EXPECT_EQ((*all)[1].record_id, r2_);
  EXPECT_EQ((*all)[1].outcome, "unfit");
  auto history = ReadInterviewHistory(t_.ws(), r1_);
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].outcome, "refuses");
  EXPECT_EQ((*history)[1].outcome, "consents");
}

TEST_F(ExchangeEventsTest, HandoverEventsInSequenceAndCounted) {
  EXPECT_EQ(*CountHandoverEvents(t_.ws(), r2_), 0);
  Handover(r2_, 1, "handed_over");
  Handover(r2_, 2, "received");
  EXPECT_EQ(*CountHandoverEvents(t_.ws(), r2_), 2);
  auto events = ReadHandoverEvents(t_.ws(), r2_);
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[0].event, "handed_over");
  EXPECT_EQ((*events)[1].seq, 2);
  EXPECT_EQ((*events)[1].place, "Sumy");
  EXPECT_EQ(*RecordsWithHandoverEvents(t_.ws()), std::vector<std::int64_t>{r2_});
}

TEST_F(ExchangeEventsTest, TheSchemaRefusesWhatTheRowsMayNotHold) {
  EXPECT_FALSE(InsertInterview(t_.ws(), {r1_, 1, "maybe", "i", "t", "", "t"}).has_value());
  EXPECT_FALSE(
      InsertHandoverEvent(t_.ws(), {r1_, 1, "escaped", 1, "p", "t", "a", "t"}).has_value());
}

TEST_F(ExchangeEventsTest, AMissingRecordIsNamed) {
  EXPECT_TRUE(CheckPersonRecord(t_.ws(), r1_).has_value());
  auto missing = CheckPersonRecord(t_.ws(), 424242);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().message, "no person record with ID 424242");
}

}  // namespace
}  // namespace parley::store
