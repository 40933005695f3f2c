#include "plan/repair.h"

#include <gtest/gtest.h>

#include "plan/internal/candidate_reader.h"
#include "plan/internal/test_instances.h"
#include "plan/plan_checker.h"
#include "rules/agreement_parser.h"

namespace parley::plan {
namespace {

Plan ExamplePlan(const std::string& name) {
  auto a = rules::LoadAgreementFile("examples/agreements/" + name + ".toml");
  auto side_a = internal::ReadCandidates("examples/candidates/" + name + "-a.csv");
  auto side_b = internal::ReadCandidates("examples/candidates/" + name + "-b.csv");
  auto plan = MakePlan(*a, *side_a, *side_b);
  EXPECT_TRUE(plan.has_value());
  return *plan;
}

TEST(Repair, RefusalIsReplacedByTheNextInPriority) {
  Plan plan = ExamplePlan("istanbul-1000-for-1000");
  Plan before = plan;
  std::string victim;
  for (const Candidate& c : plan.people) {
    if (c.side == Side::kA && c.phase == 2) {
      victim = c.record.id;
      break;
    }
  }
  ASSERT_FALSE(victim.empty());
  auto r = RepairPlan(plan, {{victim}, "refused", 1});
  ASSERT_TRUE(r.has_value()) << r.error().Describe();
  EXPECT_EQ(r->changes, 1);  // one substitute from side a's reserve, nothing else moves
  ASSERT_EQ(r->diff.size(), 2u);
  EXPECT_EQ(r->diff[0].why, "dropped: refused");
  EXPECT_EQ(r->diff[1].why, "added");
  EXPECT_EQ(r->diff[1].to_phase, 2);
  EXPECT_EQ(plan.executed_phases, 1);
  EXPECT_TRUE(CheckAssignment(plan.agreement, plan.people).empty());
  EXPECT_EQ(plan.repairs.size(), 1u);
  for (size_t i = 0; i < plan.people.size(); ++i) {
    if (before.people[i].phase == 1) {
      EXPECT_EQ(plan.people[i].phase, 1);
    }
  }
}

TEST(Repair, ExecutedPhaseCannotBeDropped) {
  Plan plan = ExamplePlan("remains-by-count");
  std::string done;
  for (const Candidate& c : plan.people) {
    if (c.phase == 1) done = c.record.id;
  }
  auto r = RepairPlan(plan, {{done}, "deceased", 1});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
}

TEST(Repair, BadRequests) {
  Plan plan = ExamplePlan("remains-by-count");
  EXPECT_EQ(RepairPlan(plan, {{"UA-R-00001"}, "bored", 0}).error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(RepairPlan(plan, {{"nobody"}, "refused", 0}).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(RepairPlan(plan, {{"UA-R-00001"}, "refused", 5}).error().code,
            ErrorCode::kInvalidInput);
}

// Property: a repair never touches executed phases, keeps every rule, and changes exactly as
// few people as exhaustive search says is possible (then with the best objective).
TEST(RepairProperty, MinimalAndRuleKeepingOnSmallInstances) {
  int repaired = 0, refused = 0;
  for (std::uint64_t seed = 1; seed <= 250; ++seed) {
    internal::Instance in = internal::RandomInstance(seed, 2 + static_cast<int>(seed % 3), 2);
    auto plan = MakePlan(in.agreement, in.a, in.b);
    if (!plan) continue;
    const int P = plan->agreement.phase_count;
    int executed = static_cast<int>(seed % (P + 1));
    if (executed == P) executed = P - 1;
    // Drop one or two people not handed over in an executed phase.
    const size_t want = 1 + seed % 2;
    std::vector<std::string> victims;
    Plan before = *plan;
    std::vector<Candidate> marked = before.people;
    for (size_t i = 0; i < plan->people.size() && victims.size() < want; ++i) {
      const Candidate& c = plan->people[(i * 7 + seed) % plan->people.size()];
      size_t index = (i * 7 + seed) % plan->people.size();
      std::string who = std::string(rules::SideName(c.side)) + ":" + c.record.id;
      if ((c.phase == 0 || c.phase > executed) && marked[index].dropped.empty()) {
        victims.push_back(who);
        marked[index].dropped = "refused";
      }
    }
    if (victims.empty()) continue;
    auto ref = internal::ExhaustiveRepair(before.agreement, before.people, marked, executed);
    auto r = RepairPlan(*plan, {victims, "refused", executed});
    if (!ref) {
      ++refused;
      EXPECT_FALSE(r.has_value()) << "seed " << seed << "\n" << in.toml;
      for (size_t i = 0; i < before.people.size(); ++i) {  // a failed repair changes nothing
        EXPECT_EQ(plan->people[i].phase, before.people[i].phase) << "seed " << seed;
        EXPECT_EQ(plan->people[i].dropped, before.people[i].dropped) << "seed " << seed;
      }
      continue;
    }
    ASSERT_TRUE(r.has_value()) << "seed " << seed << ": " << r.error().Describe() << "\n"
                               << in.toml;
    ++repaired;
    for (size_t i = 0; i < before.people.size(); ++i) {
      if (before.people[i].phase > 0 && before.people[i].phase <= executed) {
        EXPECT_EQ(plan->people[i].phase, before.people[i].phase) << "seed " << seed;
      }
      if (plan->people[i].phase > 0) {
        EXPECT_TRUE(plan->people[i].phase > executed ||
                    plan->people[i].phase == before.people[i].phase)
            << "seed " << seed;
      }
    }
    auto broken = CheckAssignment(plan->agreement, plan->people);
    EXPECT_TRUE(broken.empty()) << "seed " << seed << ": " << broken[0].message;
    EXPECT_EQ(r->changes, ref->changes) << "seed " << seed << "\n" << in.toml;
    EXPECT_EQ(plan->objective, ref->objective) << "seed " << seed << "\n" << in.toml;
  }
  EXPECT_GT(repaired, 100);
  EXPECT_GT(refused, 0);  // some drops cannot be repaired (e.g. a forced partner is gone)
}

}  // namespace
}  // namespace parley::plan
