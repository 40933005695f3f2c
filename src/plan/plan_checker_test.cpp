#include "plan/plan_checker.h"

#include <gtest/gtest.h>

#include "rules/agreement_parser.h"

namespace parley::plan {
namespace {

constexpr const char* kAgreement = R"([agreement]
title = "T"
date = 2025-06-09
[parties]
a = "A"
b = "B"
[phases]
count = 2
caps = [2, 2]
required_total = 1
[[pool]]
id = "main"
max_owed = 0
[[category]]
id = "wounded"
when = { health = "seriously_wounded" }
balance = "outside"
[[category]]
id = "officers"
when = { rank = "major" }
cap = 1
phases = [2]
[[category]]
id = "soldiers"
when = { category = "military" }
[[exclusion]]
id = "refused"
reason = "declined at the interview"
when = { extra = { interview = "refused" } }
)";

Candidate Person(Side side, std::string id, int phase, std::string rank = "",
                 std::vector<ExtraField> extra = {}) {
  Candidate c;
  c.side = side;
  c.phase = phase;
  c.record.id = std::move(id);
  c.record.category = "military";
  c.record.rank = std::move(rank);
  c.record.extra = std::move(extra);
  return c;
}

std::vector<std::string> Rules(const std::vector<Violation>& v) {
  std::vector<std::string> out;
  for (const Violation& x : v) out.push_back(x.rule);
  return out;
}

class Checker : public ::testing::Test {
 protected:
  void SetUp() override {
    auto a = rules::ParseAgreement(kAgreement);
    ASSERT_TRUE(a.has_value()) << a.error().Describe();
    agreement_ = *a;
  }
  rules::Agreement agreement_;
};

TEST_F(Checker, ValidPlanHasNoViolations) {
  std::vector<Candidate> p = {Person(Side::kA, "1", 1), Person(Side::kB, "1", 1)};
  EXPECT_TRUE(CheckAssignment(agreement_, p).empty());
}

TEST_F(Checker, EachBrokenRuleIsReported) {
  using V = std::vector<std::string>;
  EXPECT_EQ(
      Rules(CheckAssignment(agreement_, {Person(Side::kA, "1", 3), Person(Side::kB, "1", 0)})),
      (V{"phase_range", "required_total", "required_total"}));
  EXPECT_EQ(
      Rules(CheckAssignment(agreement_, {Person(Side::kA, "1", 1), Person(Side::kA, "1", 1),
                                         Person(Side::kB, "2", 1), Person(Side::kB, "3", 1)})),
      (V{"duplicate_id"}));
  EXPECT_EQ(Rules(CheckAssignment(agreement_, {Person(Side::kA, "1", 1), Person(Side::kB, "1", 0),
                                               Person(Side::kB, "2", 1)})),
            (V{}));
  EXPECT_EQ(Rules(CheckAssignment(agreement_,
                                  {Person(Side::kA, "1", 1), Person(Side::kB, "1", 1, "major")})),
            (V{"category_phase"}));
  EXPECT_EQ(
      Rules(CheckAssignment(agreement_, {Person(Side::kA, "1", 1),
                                         Person(Side::kB, "1", 1, "", {{"interview", "refused"}}),
                                         Person(Side::kB, "2", 1)})),
      (V{"eligibility"}));
  EXPECT_EQ(Rules(CheckAssignment(agreement_,
                                  {Person(Side::kA, "1", 1),
                                   Person(Side::kA, "2", 0, "", {{"health", "seriously_wounded"}}),
                                   Person(Side::kB, "1", 1)})),
            (V{"all_for_all"}));
  EXPECT_EQ(
      Rules(CheckAssignment(agreement_, {Person(Side::kA, "1", 1), Person(Side::kA, "2", 1),
                                         Person(Side::kA, "3", 1), Person(Side::kB, "1", 1),
                                         Person(Side::kB, "2", 1), Person(Side::kB, "3", 1)})),
      (V{"phase_cap", "phase_cap"}));
  EXPECT_EQ(Rules(CheckAssignment(
                agreement_, {Person(Side::kA, "1", 2, "major"), Person(Side::kA, "2", 2, "major"),
                             Person(Side::kB, "1", 2), Person(Side::kB, "2", 2)})),
            (V{"category_cap"}));
  auto balance = CheckAssignment(agreement_, {Person(Side::kA, "1", 1), Person(Side::kA, "2", 1),
                                              Person(Side::kB, "1", 1), Person(Side::kB, "2", 2)});
  ASSERT_EQ(Rules(balance), (V{"balance"}));
  EXPECT_EQ(balance[0].phase, 1);
  EXPECT_NE(balance[0].message.find("side a is owed 1"), std::string::npos) << balance[0].message;
  Candidate dropped = Person(Side::kA, "9", 1);
  dropped.dropped = "deceased";
  EXPECT_EQ(Rules(CheckAssignment(agreement_,
                                  {Person(Side::kA, "1", 1), Person(Side::kB, "1", 1), dropped})),
            (V{"dropped"}));
  Candidate stranger = Person(Side::kA, "x", 1);
  stranger.record.category = "civilian";
  EXPECT_EQ(Rules(CheckAssignment(agreement_,
                                  {stranger, Person(Side::kA, "1", 1), Person(Side::kB, "1", 1)})),
            (V{"eligibility"}));
}

}  // namespace
}  // namespace parley::plan
