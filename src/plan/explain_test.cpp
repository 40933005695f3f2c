#include "plan/explain.h"

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
[value]
field = "rank"
[value.points]
major = 8
[[category]]
id = "wounded"
title = "Seriously wounded"
when = { health = "seriously_wounded" }
balance = "outside"
[[category]]
id = "soldiers"
when = { category = "military" }
[[exclusion]]
id = "refused"
reason = "declined at the interview"
when = { extra = { interview = "refused" } }
[[priority]]
by = "age"
direction = "desc"
)";

PersonRecord Person(std::string id, int year, std::string rank = "",
                    std::vector<ExtraField> extra = {}) {
  PersonRecord r;
  r.id = std::move(id);
  r.category = "military";
  r.birth_date = {year, 1, 1};
  r.rank = std::move(rank);
  r.extra = std::move(extra);
  return r;
}

class ExplainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto a = rules::ParseAgreement(kAgreement);
    ASSERT_TRUE(a.has_value()) << a.error().Describe();
    PersonRecord civilian = Person("civ", 1980);
    civilian.category = "civilian";
    auto p = MakePlan(*a,
                      {Person("w", 1990, "", {{"health", "seriously_wounded"}}),
                       Person("old", 1960), Person("young", 2000), Person("major", 1970, "major"),
                       Person("no", 1950, "", {{"interview", "refused"}}), civilian},
                      {Person("b1", 1980)});
    ASSERT_TRUE(p.has_value()) << p.error().Describe();
    plan_ = *p;
  }
  std::string Verdict(const std::string& who) {
    auto e = ExplainPerson(plan_, who);
    EXPECT_TRUE(e.has_value()) << (e ? "" : e.error().Describe());
    return e ? e->verdict : "";
  }
  Plan plan_;
};

TEST_F(ExplainTest, Verdicts) {
  EXPECT_EQ(Verdict("w"), "goes in phase 1, outside the ratio: Seriously wounded");
  EXPECT_NE(Verdict("old").find("goes in phase 1 under category 'soldiers'"), std::string::npos);
  EXPECT_EQ(Verdict("young"),
            "eligible, but priority below the last admitted in category 'soldiers' (old, "
            "priority 1)");
  EXPECT_NE(Verdict("major").find("balance exhausted in phase 2"), std::string::npos)
      << Verdict("major");
  EXPECT_EQ(Verdict("no"), "excluded by rule 'refused': declined at the interview");
  EXPECT_EQ(Verdict("civ"), "not eligible: fits no category of the agreement");
  auto e = ExplainPerson(plan_, "civ");
  ASSERT_TRUE(e.has_value());
  ASSERT_EQ(e->details.size(), 2u);
  EXPECT_NE(e->details[1].find("category is 'civilian'"), std::string::npos) << e->details[1];
}

TEST_F(ExplainTest, UnknownPerson) {
  auto e = ExplainPerson(plan_, "nobody");
  ASSERT_FALSE(e.has_value());
  EXPECT_EQ(e.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace parley::plan

namespace parley::plan {
namespace {

TEST(ExplainCaps, FullPhasesAndCategoryCaps) {
  auto a = rules::ParseAgreement(R"([agreement]
title = "T"
date = 2025-06-09
[parties]
a = "A"
b = "B"
[phases]
count = 2
caps = [1, 1]
[[category]]
id = "officers"
when = { rank = "major" }
cap = 1
[[category]]
id = "soldiers"
)");
  ASSERT_TRUE(a.has_value()) << a.error().Describe();
  auto person = [](std::string id, std::string rank) {
    PersonRecord r;
    r.id = std::move(id);
    r.rank = std::move(rank);
    return r;
  };
  auto p = MakePlan(*a, {person("m1", "major"), person("m2", "major"), person("s1", "")},
                    {person("x1", ""), person("x2", ""), person("x3", "")});
  ASSERT_TRUE(p.has_value()) << p.error().Describe();
  EXPECT_EQ(p->objective, 4);  // 2 a side: the phase caps
  auto m2 = ExplainPerson(*p, "m2");
  ASSERT_TRUE(m2.has_value());
  EXPECT_NE(m2->verdict.find("priority below the last admitted in category 'officers'"),
            std::string::npos)
      << m2->verdict;
  auto x3 = ExplainPerson(*p, "x3");
  ASSERT_TRUE(x3.has_value());
  EXPECT_NE(x3->verdict.find("priority below the last admitted"), std::string::npos);
}

TEST(ExplainCaps, EveryPhaseHeMayGoInIsFull) {
  auto a = rules::ParseAgreement(R"([agreement]
title = "T"
date = 2025-06-09
[parties]
a = "A"
b = "B"
[phases]
count = 2
caps = [1, 1]
[[category]]
id = "officers"
when = { rank = "major" }
phases = [1]
[[category]]
id = "soldiers"
weight = 2
)");
  ASSERT_TRUE(a.has_value()) << a.error().Describe();
  auto person = [](std::string id, std::string rank) {
    PersonRecord r;
    r.id = std::move(id);
    r.rank = std::move(rank);
    return r;
  };
  auto p = MakePlan(*a, {person("m1", "major"), person("s1", ""), person("s2", "")},
                    {person("x1", ""), person("x2", "")});
  ASSERT_TRUE(p.has_value()) << p.error().Describe();
  EXPECT_EQ(p->objective, 8);
  auto m1 = ExplainPerson(*p, "m1");
  ASSERT_TRUE(m1.has_value());
  EXPECT_EQ(m1->verdict, "eligible, but the caps of every phase he may go in are full on side a");
}

}  // namespace
}  // namespace parley::plan
