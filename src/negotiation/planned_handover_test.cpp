#include "negotiation/planned_handover.h"

#include <gtest/gtest.h>

#include "negotiation/agreement_store.h"
#include "negotiation/plan_negotiation.h"
#include "negotiation/plan_store.h"
#include "negotiation/test_workspace.h"

namespace parley::negotiation {
namespace {

const store::Actor kUa{"negotiator-ua", &testing::UaKey()};
const store::Actor kRu{"negotiator-ru", &testing::RuKey()};

class PlannedHandoverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(AddAgreement(t_.ws(), "deal", testing::kTestAgreement, "deal.toml", kUa));
    ASSERT_TRUE(SignAgreement(t_.ws(), "deal", std::nullopt, rules::Side::kA, kUa));
    ASSERT_TRUE(SignAgreement(t_.ws(), "deal", std::nullopt, rules::Side::kB, kRu));
  }
  std::int64_t ProposeAndMaybeSign(bool sign) {
    ProposeRequest req;
    req.agreement = "deal";
    req.side_a = "ua";
    req.side_b = "ru";
    auto p = ProposePlan(t_.ws(), req, kUa);
    EXPECT_TRUE(p.has_value()) << p.error().Describe();
    const std::int64_t id = p->info.id;
    if (!sign) return id;
    for (auto approval : {Approval::kAccept, Approval::kSign}) {
      EXPECT_TRUE(ApprovePlan(t_.ws(), id, approval, rules::Side::kA, kUa));
      EXPECT_TRUE(ApprovePlan(t_.ws(), id, approval, rules::Side::kB, kRu));
    }
    return id;
  }
  // A person the plan sends, and the phase it sends them in.
  PlannedPerson Sent(std::int64_t plan) {
    auto people = StoredPlanPeople(t_.ws(), plan);
    EXPECT_TRUE(people.has_value());
    for (const PlannedPerson& p : *people) {
      if (p.phase > 0 && p.dropped.empty()) return p;
    }
    ADD_FAILURE() << "the plan sends nobody";
    return {};
  }
  static handover::HandoverEvent Event(handover::HandoverEventKind kind, std::int64_t phase) {
    return {0, 0, kind, phase, "Sumy crossing", "2026-05-23T14:05:00Z", "cp-1", ""};
  }
  std::uint64_t LogSize() { return (*t_.ws().Events())->Size(); }

  testing::TestWorkspace t_;
};

using enum handover::HandoverEventKind;

TEST_F(PlannedHandoverTest, OnlyAPlanSignedByBothSidesLetsAPersonBeHandedOver) {
  const std::int64_t proposed = ProposeAndMaybeSign(false);
  const PlannedPerson person = Sent(proposed);
  const std::uint64_t size = LogSize();
  auto early = RecordPlannedHandover(t_.ws(), person.record_id, 0, Event(kHandedOver, person.phase),
                                     {"cp-1"});
  ASSERT_FALSE(early.has_value());
  EXPECT_NE(early.error().message.find("is in no signed plan"), std::string::npos);
  EXPECT_EQ(LogSize(), size);
}

TEST_F(PlannedHandoverTest, TheEventFollowsThePlansPhaseAndTheStateMachine) {
  const std::int64_t plan = ProposeAndMaybeSign(true);
  const PlannedPerson person = Sent(plan);
  const std::int64_t other_phase = person.phase == 1 ? 2 : 1;
  const std::uint64_t size = LogSize();
  auto wrong_phase = RecordPlannedHandover(t_.ws(), person.record_id, 0,
                                           Event(kHandedOver, other_phase), {"cp-1"});
  ASSERT_FALSE(wrong_phase.has_value());
  EXPECT_EQ(wrong_phase.error().where.field, "phase");
  auto early =
      RecordPlannedHandover(t_.ws(), person.record_id, 0, Event(kReceived, person.phase), {"cp-1"});
  ASSERT_FALSE(early.has_value());
  EXPECT_EQ(LogSize(), size);  // nothing recorded by a refusal

  ASSERT_TRUE(RecordPlannedHandover(t_.ws(), person.record_id, 0, Event(kHandedOver, person.phase),
                                    {"cp-1"}));
  ASSERT_TRUE(RecordPlannedHandover(t_.ws(), person.record_id, 1, Event(kReceived, person.phase),
                                    {"cp-2"}));
  auto twice =
      RecordPlannedHandover(t_.ws(), person.record_id, 2, Event(kReceived, person.phase), {"cp-2"});
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_EQ(LogSize(), size + 2);
}

TEST_F(PlannedHandoverTest, ARequestRecordOrAPersonOutsideThePlanIsRefused) {
  ProposeAndMaybeSign(true);
  // A request record is never in a plan; R2 refused repatriation at interview and is out.
  for (const auto& [list, key] : {std::pair{"ru-request", "Q1"}, std::pair{"ua-custody", "R2"}}) {
    const std::int64_t id = std::stoll(t_.Id(list, key));
    auto refused = RecordPlannedHandover(t_.ws(), id, 0, Event(kHandedOver, 1), {"cp-1"});
    ASSERT_FALSE(refused.has_value()) << list << " " << key;
    EXPECT_EQ(refused.error().where.field, "record");
  }
}

}  // namespace
}  // namespace parley::negotiation
