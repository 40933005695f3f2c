#include "plan/plan_json.h"

#include <gtest/gtest.h>

#include "plan/internal/test_instances.h"

namespace parley::plan {
namespace {

TEST(PlanJson, RoundTripKeepsDecisionsAndRecords) {
  internal::Instance in = internal::RandomInstance(7, 6, 2);
  auto plan = MakePlan(in.agreement, in.a, in.b);
  for (std::uint64_t seed = 8; !plan; ++seed) {
    in = internal::RandomInstance(seed, 6, 2);
    plan = MakePlan(in.agreement, in.a, in.b);
  }
  std::string text = PlanToJson(*plan);
  auto back = PlanFromJson(text, "p.json");
  ASSERT_TRUE(back.has_value()) << back.error().Describe();
  ASSERT_EQ(back->people.size(), plan->people.size());
  for (size_t i = 0; i < plan->people.size(); ++i) {
    EXPECT_TRUE(back->people[i].record.SameContent(plan->people[i].record));
    EXPECT_EQ(back->people[i].phase, plan->people[i].phase);
    EXPECT_EQ(back->people[i].rule.category, plan->people[i].rule.category);
  }
  EXPECT_EQ(back->objective, plan->objective);
  EXPECT_EQ(PlanToJson(*back), text);
}

TEST(PlanJson, RejectsWhatIsNotAPlan) {
  auto e = PlanFromJson("{\"format\": 1", "p.json");
  ASSERT_FALSE(e.has_value());
  EXPECT_NE(e.error().message.find("not valid JSON at byte"), std::string::npos);
  e = PlanFromJson("{\"format\": \"other\"}", "p.json");
  ASSERT_FALSE(e.has_value());
  EXPECT_EQ(e.error().where.field, "format");
  e = PlanFromJson("{\"format\": \"parley-plan/1\"}", "p.json");
  ASSERT_FALSE(e.has_value());
  EXPECT_EQ(e.error().where.field, "agreement.source");
}

TEST(PlanJson, WrongTypesAreErrorsNotExceptions) {
  auto e = PlanFromJson("{\"format\": 7}", "p.json");
  ASSERT_FALSE(e.has_value());
  EXPECT_NE(e.error().message.find("wrong type"), std::string::npos) << e.error().message;
  internal::Instance in = internal::RandomInstance(3, 2, 1);
  Plan p;
  p.agreement = in.agreement;
  Candidate c;
  c.record.id = "x";
  p.people.push_back(c);
  std::string text = PlanToJson(p);
  auto pos = text.find("\"side\": \"a\"");
  ASSERT_NE(pos, std::string::npos);
  text.replace(pos, 11, "\"side\": 3");
  e = PlanFromJson(text, "p.json");
  ASSERT_FALSE(e.has_value());
  EXPECT_EQ(e.error().code, ErrorCode::kInvalidInput);
}

TEST(PlanJson, BadPhaseTypeNamesThePerson) {
  internal::Instance in = internal::RandomInstance(3, 2, 1);
  Plan p;
  p.agreement = in.agreement;
  Candidate c;
  c.record.id = "x";
  p.people.push_back(c);
  std::string text = PlanToJson(p);
  auto pos = text.find("\"phase\": 0");
  ASSERT_NE(pos, std::string::npos);
  text.replace(pos, 10, "\"phase\": \"one\"");
  auto e = PlanFromJson(text, "p.json");
  ASSERT_FALSE(e.has_value());
  EXPECT_EQ(e.error().where.field, "people[0].phase");
}

}  // namespace
}  // namespace parley::plan
