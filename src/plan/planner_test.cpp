#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "plan/internal/candidate_reader.h"
#include "plan/internal/test_instances.h"
#include "plan/plan.h"
#include "plan/plan_checker.h"
#include "plan/plan_json.h"
#include "rules/agreement_parser.h"

namespace parley::plan {
namespace {

using internal::RandomInstance;

std::vector<Candidate> AsCandidates(const internal::Instance& in) {
  std::vector<Candidate> out;
  for (const auto& r : in.a) out.push_back({r, Side::kA, {}, 0, {}});
  for (const auto& r : in.b) out.push_back({r, Side::kB, {}, 0, {}});
  return out;
}

Plan PlanExample(const std::string& name) {
  auto a = rules::LoadAgreementFile("examples/agreements/" + name + ".toml");
  EXPECT_TRUE(a.has_value()) << a.error().Describe();
  auto side_a = internal::ReadCandidates("examples/candidates/" + name + "-a.csv");
  auto side_b = internal::ReadCandidates("examples/candidates/" + name + "-b.csv");
  EXPECT_TRUE(side_a.has_value()) << side_a.error().Describe();
  EXPECT_TRUE(side_b.has_value()) << side_b.error().Describe();
  auto plan = MakePlan(*a, *side_a, *side_b);
  EXPECT_TRUE(plan.has_value()) << plan.error().Describe();
  return plan ? *plan : Plan{};
}

class ExamplePlans : public ::testing::TestWithParam<std::string> {};

TEST_P(ExamplePlans, PlansOptimallyAndKeepsEveryRule) {
  Plan p = PlanExample(GetParam());
  EXPECT_EQ(p.solver.status, "optimal");
  EXPECT_EQ(p.solver.gap, 0);
  EXPECT_EQ(p.solver.objective, static_cast<double>(p.objective));
  EXPECT_GT(p.objective, 0);
  for (const Violation& v : CheckAssignment(p.agreement, p.people)) {
    ADD_FAILURE() << v.rule << ": " << v.message;
  }
}

INSTANTIATE_TEST_SUITE_P(Examples, ExamplePlans,
                         ::testing::Values("dix-hill-1862", "istanbul-2025", "gaza-2025-ratio",
                                           "istanbul-1000-for-1000", "remains-by-count"));

// Data-driven: tests/cases/plans/NAME/{agreement.toml,a.csv,b.csv} must give expected.txt.
TEST(Planner, PlanCases) {
  int cases = 0;
  for (const auto& dir : std::filesystem::directory_iterator("tests/cases/plans")) {
    if (!dir.is_directory()) continue;
    ++cases;
    std::string d = dir.path().string();
    auto a = rules::LoadAgreementFile(d + "/agreement.toml");
    ASSERT_TRUE(a.has_value()) << a.error().Describe();
    auto side_a = internal::ReadCandidates(d + "/a.csv");
    auto side_b = internal::ReadCandidates(d + "/b.csv");
    ASSERT_TRUE(side_a && side_b) << d;
    auto plan = MakePlan(*a, *side_a, *side_b);
    ASSERT_TRUE(plan.has_value()) << d << ": " << plan.error().Describe();
    std::ostringstream got;
    got << "objective " << plan->objective << "\n";
    for (const Candidate& c : plan->people) {
      got << rules::SideName(c.side) << ":" << c.record.id << " " << c.phase << "\n";
    }
    std::ifstream in(d + "/expected.txt");
    std::ostringstream want;
    want << in.rdbuf();
    EXPECT_EQ(got.str(), want.str()) << d;
    EXPECT_TRUE(CheckAssignment(plan->agreement, plan->people).empty()) << d;
  }
  EXPECT_GE(cases, 2);
}

TEST(Planner, ThousandForThousandFillsEveryStage) {
  Plan p = PlanExample("istanbul-1000-for-1000");
  ASSERT_EQ(p.phases.size(), 3u);
  EXPECT_EQ(p.phases[0].a_count, 390);
  EXPECT_EQ(p.phases[1].a_count, 307);
  EXPECT_EQ(p.phases[2].a_count, 303);
  EXPECT_EQ(p.phases[0].b_count, 390);
  EXPECT_EQ(p.phases[2].b_count, 303);
}

TEST(Planner, WoundedGoFirstRegardlessOfNumber) {
  Plan p = PlanExample("istanbul-2025");
  int wounded = 0;
  for (const Candidate& c : p.people) {
    if (c.rule.status == rules::Status::kEligible &&
        p.agreement.categories[c.rule.category].id == "seriously_wounded") {
      EXPECT_EQ(c.phase, 1) << c.record.id;
      ++wounded;
    }
  }
  EXPECT_GT(wounded, 0);
}

TEST(Planner, GazaPaysThirtyPerCivilianAndFiftyPerSoldier) {
  Plan p = PlanExample("gaza-2025-ratio");
  std::int64_t hostage_value = 0, prisoners = 0;
  for (const Candidate& c : p.people) {
    if (c.phase == 0) continue;
    if (c.side == Side::kB) hostage_value += c.rule.value;
    if (c.side == Side::kA) ++prisoners;
  }
  EXPECT_GT(hostage_value, 0);
  EXPECT_EQ(prisoners, hostage_value);
}

TEST(Planner, SameInputSamePlan) {
  Plan p1 = PlanExample("dix-hill-1862");
  Plan p2 = PlanExample("dix-hill-1862");
  p1.solver.seconds = p2.solver.seconds = 0;
  EXPECT_EQ(PlanToJson(p1), PlanToJson(p2));
}

TEST(Planner, PriorityDecidesWithinAClass) {
  auto a = rules::ParseAgreement(R"([agreement]
title = "T"
date = 2025-06-09
[parties]
a = "A"
b = "B"
[[category]]
id = "soldiers"
[[priority]]
by = "age"
direction = "desc"
)");
  ASSERT_TRUE(a.has_value());
  auto person = [](std::string id, int year) {
    PersonRecord r;
    r.id = std::move(id);
    r.birth_date = {year, 1, 1};
    return r;
  };
  auto plan = MakePlan(*a, {person("young", 2000), person("old", 1960), person("mid", 1980)},
                       {person("x", 1990), person("y", 1991)});
  ASSERT_TRUE(plan.has_value()) << plan.error().Describe();
  EXPECT_EQ(plan->objective, 4);
  EXPECT_EQ(plan->people[0].phase, 0);  // youngest stays: priority is oldest first
  EXPECT_EQ(plan->people[1].phase, 1);
  EXPECT_EQ(plan->people[2].phase, 1);
}

TEST(Planner, InfeasibleRulesSayWhy) {
  auto a = rules::ParseAgreement(R"([agreement]
title = "T"
date = 2025-06-09
[parties]
a = "A"
b = "B"
[phases]
caps = [1]
[[category]]
id = "wounded"
balance = "outside"
)");
  ASSERT_TRUE(a.has_value());
  PersonRecord r1, r2;
  r1.id = "1";
  r2.id = "2";
  auto plan = MakePlan(*a, {r1, r2}, {});
  ASSERT_FALSE(plan.has_value());
  EXPECT_EQ(plan.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(plan.error().message.find("contradictory caps: 2 people of category 'wounded'"),
            std::string::npos)
      << plan.error().message;
}

TEST(Planner, InfeasibleBalanceSaysWhatMustGo) {
  auto a = rules::ParseAgreement(R"([agreement]
title = "T"
date = 2025-06-09
[parties]
a = "A"
b = "B"
[phases]
required_total = 2
[[category]]
id = "soldiers"
)");
  ASSERT_TRUE(a.has_value());
  PersonRecord r1, r2;
  r1.id = "1";
  r2.id = "2";
  auto plan = MakePlan(*a, {r1, r2}, {r1});
  ASSERT_FALSE(plan.has_value());
  EXPECT_NE(plan.error().message.find("no plan satisfies every rule"), std::string::npos)
      << plan.error().message;
}

TEST(Planner, NobodyEligibleIsAnEmptyOptimalPlan) {
  auto a = rules::LoadAgreementFile("examples/agreements/remains-by-count.toml");
  ASSERT_TRUE(a.has_value());
  PersonRecord r;
  r.id = "1";
  r.category = "military";
  auto plan = MakePlan(*a, {r}, {});
  ASSERT_TRUE(plan.has_value()) << plan.error().Describe();
  EXPECT_EQ(plan->objective, 0);
  EXPECT_EQ(plan->solver.status, "optimal");
  EXPECT_EQ(plan->people[0].phase, 0);
}

TEST(Planner, DuplicateIdsAreRejected) {
  auto a = rules::LoadAgreementFile("examples/agreements/remains-by-count.toml");
  ASSERT_TRUE(a.has_value());
  PersonRecord r;
  r.id = "1";
  auto plan = MakePlan(*a, {r, r}, {});
  ASSERT_FALSE(plan.has_value());
  EXPECT_NE(plan.error().message.find("appears twice"), std::string::npos);
}

// Property: on small random instances the planner's objective equals exhaustive search and
// the per-person MILP, and its plan passes the independent checker.
TEST(PlannerProperty, MatchesExhaustiveSearchOnSmallInstances) {
  int feasible = 0, infeasible = 0;
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    internal::Instance in = RandomInstance(seed, 1 + static_cast<int>(seed % 4), 2);
    auto ref = internal::ExhaustiveBest(in.agreement, AsCandidates(in));
    auto plan = MakePlan(in.agreement, in.a, in.b);
    if (!ref) {
      ++infeasible;
      EXPECT_FALSE(plan.has_value()) << "seed " << seed << "\n" << in.toml;
      continue;
    }
    ++feasible;
    ASSERT_TRUE(plan.has_value()) << "seed " << seed << ": " << plan.error().Describe() << "\n"
                                  << in.toml;
    EXPECT_EQ(plan->objective, ref->objective) << "seed " << seed << "\n" << in.toml;
    auto broken = CheckAssignment(plan->agreement, plan->people);
    EXPECT_TRUE(broken.empty()) << "seed " << seed << ": " << broken[0].message;
    auto milp = internal::PerPersonMilpBest(in.agreement, AsCandidates(in));
    ASSERT_TRUE(milp.has_value()) << "seed " << seed;
    EXPECT_EQ(*milp, ref->objective) << "seed " << seed;
  }
  EXPECT_GT(feasible, 150);
  EXPECT_GT(infeasible, 0);
}

// Property: on medium instances (too big for exhaustive search) the aggregated model
// matches the per-person MILP, and every plan keeps every rule.
TEST(PlannerProperty, MatchesPerPersonMilpOnMediumInstances) {
  int compared = 0;
  for (std::uint64_t seed = 1000; seed < 1060; ++seed) {
    internal::Instance in = RandomInstance(seed, 25, 3);
    auto milp = internal::PerPersonMilpBest(in.agreement, AsCandidates(in));
    auto plan = MakePlan(in.agreement, in.a, in.b);
    ASSERT_EQ(milp.has_value(), plan.has_value()) << "seed " << seed << "\n" << in.toml;
    if (!plan) continue;
    ++compared;
    EXPECT_EQ(plan->objective, *milp) << "seed " << seed << "\n" << in.toml;
    auto broken = CheckAssignment(plan->agreement, plan->people);
    EXPECT_TRUE(broken.empty()) << "seed " << seed << ": " << broken[0].message;
  }
  EXPECT_GT(compared, 20);
}

}  // namespace
}  // namespace parley::plan
