#include "negotiation/workspace_candidates.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "handover/interviews.h"
#include "handover/person_status.h"
#include "handover/plan_progress.h"
#include "negotiation/test_workspace.h"

namespace parley::negotiation {
namespace {

std::vector<std::string> Ids(const CandidateSelection& s) {
  std::vector<std::string> ids;
  for (const WorkspaceCandidate& c : s.people) ids.push_back(c.record.id);
  return ids;
}

TEST(WorkspaceCandidates, LinkedToTheOtherSidesRequestsMinusRefusedAndHandedOver) {
  testing::TestWorkspace t;
  auto ua = SelectCandidates(t.ws(), "ua", "ru", false);
  ASSERT_TRUE(ua.has_value()) << ua.error().Describe();
  // R1..R4 are linked to ru's requests; R2 refused, R3 was handed over; R5 only awaits
  // review and R6 is linked to nothing.
  EXPECT_EQ(Ids(*ua), (std::vector<std::string>{"ua-custody:R1", "ua-custody:R4"}));
  EXPECT_EQ(ua->held, 6);
  EXPECT_EQ(ua->linked, 4);
  EXPECT_EQ(ua->excluded_by_interview, 1);
  EXPECT_EQ(ua->excluded_by_handover, 1);
}

TEST(WorkspaceCandidates, ConfirmedAndMediatorLinksCountRejectedDoNot) {
  testing::TestWorkspace t;
  auto ru = SelectCandidates(t.ws(), "ru", "ua", false);
  ASSERT_TRUE(ru.has_value()) << ru.error().Describe();
  // U1..U3 auto-accepted, U4 confirmed by an analyst, U5 on the mediator's list; U6's only
  // link was rejected.
  EXPECT_EQ(Ids(*ru), (std::vector<std::string>{"ru-custody:U1", "ru-custody:U2", "ru-custody:U3",
                                                "ru-custody:U4", "ru-custody:U5"}));
  const WorkspaceCandidate& u5 = ru->people.back();
  EXPECT_EQ(u5.record.Extra("requested"), "no");
  const WorkspaceCandidate& u4 = ru->people[3];
  EXPECT_EQ(u4.record.Extra("requested"), "yes");
  EXPECT_EQ(u4.record.Extra("requested_by"), "ua-request");
}

TEST(WorkspaceCandidates, AllHeldTakesEveryCustodyRecordStillExcludingStatus) {
  testing::TestWorkspace t;
  auto ua = SelectCandidates(t.ws(), "ua", "ru", true);
  ASSERT_TRUE(ua.has_value());
  EXPECT_EQ(Ids(*ua), (std::vector<std::string>{"ua-custody:R1", "ua-custody:R4", "ua-custody:R5",
                                                "ua-custody:R6"}));
}

TEST(WorkspaceCandidates, PlannerFieldsComeFromTheCustodyRecord) {
  testing::TestWorkspace t;
  auto ua = SelectCandidates(t.ws(), "ua", "ru", false);
  ASSERT_TRUE(ua.has_value());
  const WorkspaceCandidate& r1 = ua->people.front();
  EXPECT_EQ(r1.list, "ua-custody");
  EXPECT_EQ(r1.record_version, 1);
  EXPECT_EQ(r1.record.category, "combatant");
  EXPECT_EQ(r1.record.Extra("health"), "seriously_wounded");
  EXPECT_EQ(r1.record.Extra("capture_date"), "2024-03-01");  // from 01.03.2024
  EXPECT_EQ(r1.record.Extra("requested"), "yes");
  EXPECT_EQ(r1.record.Extra("requested_by"), "ru-request");
  // The record's own columns are kept beside the facts.
  EXPECT_EQ(r1.record.Extra("Стан здоров'я"), "seriously_wounded");
  // Facts alone rebuild the same planner record (what a stored plan relies on).
  PersonRecord stored = r1.record;
  stored.id = "R1";
  EXPECT_EQ(PlannerRecord("ua-custody", stored, r1.facts).id, "ua-custody:R1");
}

TEST(WorkspaceCandidates, UnknownSideAndSideWithoutCustodyAreErrorsThatSayWhatToDo) {
  testing::TestWorkspace t;
  auto unknown = SelectCandidates(t.ws(), "xx", "ru", false);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_NE(unknown.error().message.find("parley lists"), std::string::npos);
  auto mediator = SelectCandidates(t.ws(), "mediator", "ru", false);
  ASSERT_FALSE(mediator.has_value());
  EXPECT_NE(mediator.error().message.find("--kind custody"), std::string::npos);
  auto same = SelectCandidates(t.ws(), "ua", "ua", false);
  ASSERT_FALSE(same.has_value());
  EXPECT_EQ(same.error().code, ErrorCode::kInvalidInput);
}

// One rule (handover::ExcludesFromExchange) for both: whoever an interview outcome keeps out
// of the candidates is counted excluded by plan progress, and whoever it lets through is
// outstanding there.
TEST(WorkspaceCandidates, AnOutcomeExcludesFromCandidatesExactlyWhenProgressCountsItExcluded) {
  for (handover::InterviewOutcome outcome : handover::kInterviewOutcomes) {
    SCOPED_TRACE(std::string(handover::ToString(outcome)));
    testing::TestWorkspace t;
    const std::int64_t r4 = t.Record("ua-custody", "R4");  // linked, not yet interviewed
    handover::Interview i;
    i.outcome = outcome;
    i.interviewer = "icrc-1";
    i.at = "2026-05-23T10:00:00Z";
    ASSERT_TRUE(handover::RecordInterview(t.ws(), r4, 0, i, {"icrc-1"}).has_value());
    auto ua = SelectCandidates(t.ws(), "ua", "ru", false);
    ASSERT_TRUE(ua.has_value()) << ua.error().Describe();
    std::vector<std::string> ids = Ids(*ua);
    const bool candidate = std::find(ids.begin(), ids.end(), "ua-custody:R4") != ids.end();
    auto status = handover::StatusOf(t.ws(), r4);
    ASSERT_TRUE(status.has_value());
    handover::PlanProgress progress =
        handover::DerivePlanProgress({{rules::Side::kA, "R4", 1, "", r4}}, {*status});
    const bool excluded = handover::ExcludesFromExchange(outcome);
    EXPECT_EQ(candidate, !excluded);
    EXPECT_EQ(ua->excluded_by_interview, excluded ? 2 : 1);  // R2 refused in the fixture
    EXPECT_EQ(progress.totals.excluded, excluded ? 1 : 0);
    EXPECT_EQ(progress.totals.outstanding, excluded ? 0 : 1);
  }
}

}  // namespace
}  // namespace parley::negotiation
