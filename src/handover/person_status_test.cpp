#include "handover/person_status.h"

#include <gtest/gtest.h>

#include "handover/test_workspace.h"

namespace parley::handover {
namespace {

std::optional<Interview> With(std::string_view outcome) {
  Interview i;
  i.outcome = *ParseInterviewOutcome(outcome);
  return i;
}

HandoverEvent Ev(std::string_view e) {
  HandoverEvent h;
  h.event = *ParseHandoverEventKind(e);
  return h;
}

std::string Derive(const std::optional<Interview>& interview,
                   const std::vector<HandoverEvent>& events) {
  return std::string(ToString(DerivePersonStatus(interview, events)));
}

TEST(PersonStatus, FollowsInterviewsAndHandovers) {
  EXPECT_EQ(Derive(std::nullopt, {}), "listed");
  EXPECT_EQ(Derive(With("consents"), {}), "interviewed");
  EXPECT_EQ(Derive(With("refuses"), {}), "refused");
  EXPECT_EQ(Derive(With("unfit"), {}), "unfit");
  EXPECT_EQ(Derive(With("deceased"), {}), "deceased");
  EXPECT_EQ(Derive(With("not_presented"), {}), "withheld");
  EXPECT_EQ(Derive(With("consents"), {Ev("handed_over")}), "handed_over");
  EXPECT_EQ(Derive(With("consents"), {Ev("handed_over"), Ev("received")}), "received");
  // Completion means arrival: received wins whatever the order of recording.
  EXPECT_EQ(Derive(std::nullopt, {Ev("received"), Ev("handed_over")}), "received");
}

// The one status lookup the API and the CLI share reads what was recorded.
TEST(PersonStatus, StatusOfFollowsTheRecordedEvents) {
  testing::TestWorkspace tw;
  std::int64_t id = tw.Record("ru-custody", "RU-1");
  EXPECT_EQ(*StatusOf(tw.ws(), id), PersonStatus::kListed);
  Interview i{0, 0, InterviewOutcome::kNotPresented, "icrc-1", "2026-05-23T10:00:00Z", "", ""};
  ASSERT_TRUE(RecordInterview(tw.ws(), id, 0, i, {"icrc-1"}).has_value());
  EXPECT_EQ(*StatusOf(tw.ws(), id), PersonStatus::kWithheld);
  HandoverEvent e{0,      0, HandoverEventKind::kHandedOver, 1, "Sumy", "2026-05-23T14:05:00Z",
                  "cp-1", ""};
  // Withheld people are not handed over until a new interview says otherwise.
  ASSERT_FALSE(AppendHandover(tw.ws(), id, 0, e, {"cp-1"}).has_value());
  i.outcome = InterviewOutcome::kConsents;
  i.at = "2026-05-23T12:00:00Z";
  ASSERT_TRUE(RecordInterview(tw.ws(), id, 1, i, {"icrc-1"}).has_value());
  ASSERT_TRUE(AppendHandover(tw.ws(), id, 0, e, {"cp-1"}).has_value());
  EXPECT_EQ(*StatusOf(tw.ws(), id), PersonStatus::kHandedOver);
}

}  // namespace
}  // namespace parley::handover
