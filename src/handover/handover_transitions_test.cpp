#include "handover/handover_transitions.h"

#include <gtest/gtest.h>

#include <vector>

namespace parley::handover {
namespace {

using enum HandoverEventKind;

// Every sequence of up to three events in phases 1 and 2, checked event by event against the
// rule written out independently here: handed_over once, then received once in its phase.
TEST(HandoverTransitions, EverySequenceOfEventsFollowsTheStateMachine) {
  struct Step {
    HandoverEventKind event;
    std::int64_t phase;
  };
  const std::vector<Step> steps = {
      {kHandedOver, 1}, {kHandedOver, 2}, {kReceived, 1}, {kReceived, 2}};
  int sequences = 0;
  std::vector<Step> seq;
  auto walk = [&](auto&& self, std::size_t depth) -> void {
    if (depth == 3) return;
    for (const Step& next : steps) {
      HandoverFacts facts;
      for (const Step& s : seq) facts.prior.push_back({s.event, s.phase});
      const bool allowed = next.event == kHandedOver
                               ? seq.empty()
                               : seq.size() == 1 && seq.front().phase == next.phase;
      const Result<void> got = CheckHandoverTransition(facts, next.event, next.phase);
      ASSERT_EQ(got.has_value(), allowed) << "after " << seq.size() << " events, "
                                          << ToString(next.event) << " in phase " << next.phase;
      ++sequences;
      if (allowed) {
        seq.push_back(next);
        self(self, depth + 1);
        seq.pop_back();
      }
    }
  };
  walk(walk, 0);
  EXPECT_EQ(sequences, 4 + 2 * 4 + 2 * 4);  // first events, then after each allowed one
}

TEST(HandoverTransitions, RefusalsSayWhyAndNameTheField) {
  HandoverFacts none;
  auto early = CheckHandoverTransition(none, kReceived, 1);
  ASSERT_FALSE(early.has_value());
  EXPECT_EQ(early.error().where.field, "event");
  EXPECT_NE(early.error().message.find("'handed_over' first"), std::string::npos);

  HandoverFacts twice;
  twice.prior = {{kHandedOver, 1}, {kReceived, 1}};
  auto again = CheckHandoverTransition(twice, kReceived, 1);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

TEST(HandoverTransitions, AnExcludingInterviewForbidsEveryEvent) {
  for (InterviewOutcome outcome : kInterviewOutcomes) {
    HandoverFacts facts;
    if (ExcludesFromExchange(outcome)) facts.excluded_by = outcome;
    const bool allowed = CheckHandoverTransition(facts, kHandedOver, 1).has_value();
    EXPECT_EQ(allowed, !ExcludesFromExchange(outcome)) << ToString(outcome);
  }
  HandoverFacts refused;
  refused.excluded_by = InterviewOutcome::kRefuses;
  auto r = CheckHandoverTransition(refused, kHandedOver, 1);
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message.find("GC III Art. 109"), std::string::npos);
}

TEST(HandoverTransitions, ThePlansPhaseBindsEveryEvent) {
  HandoverFacts phase2;
  phase2.planned_phase = 2;
  EXPECT_FALSE(CheckHandoverTransition(phase2, kHandedOver, 1).has_value());
  EXPECT_TRUE(CheckHandoverTransition(phase2, kHandedOver, 2).has_value());
  auto wrong = CheckHandoverTransition(phase2, kHandedOver, 1);
  EXPECT_EQ(wrong.error().where.field, "phase");
  EXPECT_NE(wrong.error().message.find("phase 2, not phase 1"), std::string::npos);
}

}  // namespace
}  // namespace parley::handover
