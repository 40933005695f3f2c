// The handover day's enums and their stored names: every name round trips, an unknown name is
// refused with the message a user sees, and the excluded statuses are exactly those an
// excluding interview outcome leads to.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "handover/handover_event_kind.h"
#include "handover/interview_outcome.h"
#include "handover/person_status.h"

namespace parley::handover {
namespace {

TEST(InterviewOutcomeNames, EveryNameRoundTrips) {
  std::set<std::string> names;
  for (InterviewOutcome o : kInterviewOutcomes) {
    names.insert(std::string(ToString(o)));
    auto parsed = ParseInterviewOutcome(ToString(o));
    ASSERT_TRUE(parsed.has_value()) << ToString(o);
    EXPECT_EQ(*parsed, o);
  }
  EXPECT_EQ(names,
            (std::set<std::string>{"consents", "refuses", "unfit", "deceased", "not_presented"}));
}

TEST(InterviewOutcomeNames, UnknownIsRefusedWithTheChoices) {
  for (const char* bad : {"maybe", "", "Consents", "refused"}) {
    auto parsed = ParseInterviewOutcome(bad);
    ASSERT_FALSE(parsed.has_value()) << bad;
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(parsed.error().where.field, "outcome");
    EXPECT_EQ(parsed.error().message,
              "unknown outcome '" + std::string(bad) +
                  "'; use consents, refuses, unfit, deceased or not_presented");
  }
}

TEST(InterviewOutcomeNames, OnlyConsentLetsAPersonCross) {
  for (InterviewOutcome o : kInterviewOutcomes) {
    EXPECT_EQ(ExcludesFromExchange(o), o != InterviewOutcome::kConsents) << ToString(o);
  }
}

TEST(HandoverEventKindNames, EveryNameRoundTrips) {
  std::set<std::string> names;
  for (HandoverEventKind k : kHandoverEventKinds) {
    names.insert(std::string(ToString(k)));
    auto parsed = ParseHandoverEventKind(ToString(k));
    ASSERT_TRUE(parsed.has_value()) << ToString(k);
    EXPECT_EQ(*parsed, k);
  }
  EXPECT_EQ(names, (std::set<std::string>{"handed_over", "received"}));
}

TEST(HandoverEventKindNames, UnknownIsRefusedWithTheChoices) {
  auto parsed = ParseHandoverEventKind("escaped");
  ASSERT_FALSE(parsed.has_value());
  EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(parsed.error().where.field, "event");
  EXPECT_EQ(parsed.error().message,
            "unknown handover event 'escaped'; use handed_over or received");
}

TEST(PersonStatusNames, EveryNameRoundTrips) {
  std::set<std::string> names;
  for (PersonStatus s : kPersonStatuses) {
    names.insert(std::string(ToString(s)));
    auto parsed = ParsePersonStatus(ToString(s));
    ASSERT_TRUE(parsed.has_value()) << ToString(s);
    EXPECT_EQ(*parsed, s);
  }
  EXPECT_EQ(names, (std::set<std::string>{"listed", "interviewed", "refused", "unfit", "deceased",
                                          "withheld", "handed_over", "received"}));
}

TEST(PersonStatusNames, UnknownIsRefused) {
  auto parsed = ParsePersonStatus("missing");
  ASSERT_FALSE(parsed.has_value());
  EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(parsed.error().where.field, "status");
  EXPECT_NE(parsed.error().message.find("unknown status 'missing'"), std::string::npos);
}

TEST(PersonStatusNames, ExcludedStatusesAreThoseOfExcludingOutcomes) {
  std::set<PersonStatus> from_outcomes;
  for (InterviewOutcome o : kInterviewOutcomes) {
    if (ExcludesFromExchange(o)) from_outcomes.insert(StatusAfter(o));
  }
  for (PersonStatus s : kPersonStatuses) {
    EXPECT_EQ(IsExcludedStatus(s), from_outcomes.contains(s)) << ToString(s);
  }
  EXPECT_EQ(from_outcomes,
            (std::set<PersonStatus>{PersonStatus::kRefused, PersonStatus::kUnfit,
                                    PersonStatus::kDeceased, PersonStatus::kWithheld}));
}

}  // namespace
}  // namespace parley::handover
