#include "rules/eligibility.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "rules/agreement_parser.h"

namespace parley::rules {
namespace {

PersonRecord Person(std::string id, std::string rank, std::string category, PartialDate birth,
                    std::vector<ExtraField> extra = {}) {
  PersonRecord r;
  r.id = std::move(id);
  r.rank = std::move(rank);
  r.category = std::move(category);
  r.birth_date = birth;
  r.extra = std::move(extra);
  return r;
}

Agreement Istanbul() {
  auto a = LoadAgreementFile("examples/agreements/istanbul-2025.toml");
  EXPECT_TRUE(a.has_value()) << a.error().Describe();
  return *a;
}

TEST(Eligibility, AgeIsCertainOnlyWhenTheBirthDateAllows) {
  PartialDate on{2025, 6, 9};
  auto full = AgeOn({2000, 6, 10}, on);
  ASSERT_TRUE(full);
  EXPECT_EQ(full->youngest, 24);
  EXPECT_EQ(full->oldest, 24);
  auto year_only = AgeOn({2000, 0, 0}, on);
  EXPECT_EQ(year_only->youngest, 24);
  EXPECT_EQ(year_only->oldest, 25);
  EXPECT_FALSE(AgeOn({}, on));
}

TEST(Eligibility, FirstMatchingCategoryWins) {
  Agreement a = Istanbul();
  auto wounded_young =
      Person("1", "private", "military", {2003, 1, 1}, {{"health", "seriously_wounded"}});
  Classification c = Classify(a, Side::kA, wounded_young);
  EXPECT_EQ(c.status, Status::kEligible);
  EXPECT_EQ(a.categories[c.category].id, "seriously_wounded");
  c = Classify(a, Side::kA, Person("2", "private", "military", {2003, 1, 1}));
  EXPECT_EQ(a.categories[c.category].id, "young");
  c = Classify(a, Side::kB, Person("3", "private", "military", {1980, 1, 1}));
  EXPECT_EQ(a.categories[c.category].id, "soldiers");
  c = Classify(a, Side::kB, Person("4", "", "civilian", {1980, 1, 1}));
  EXPECT_EQ(c.status, Status::kIneligible);
}

TEST(Eligibility, BoundaryAgeWithYearOnlyIsNotYoung) {
  Agreement a = Istanbul();
  // Born some time in 1999: on 2025-06-09 he is 25 or 26, so not certainly 18-25.
  Classification c = Classify(a, Side::kA, Person("5", "private", "military", {1999, 0, 0}));
  EXPECT_EQ(a.categories[c.category].id, "soldiers");
  std::string why;
  const Predicate* age = nullptr;
  for (const Predicate& p : a.categories[1].when) {
    if (p.kind == Predicate::Kind::kAgeBetween) age = &p;
  }
  ASSERT_NE(age, nullptr);
  EXPECT_FALSE(Matches(*age, Person("5", "", "", {1999, 0, 0}), a.date, &why));
  EXPECT_NE(why.find("birth date incomplete"), std::string::npos) << why;
}

TEST(Eligibility, ExclusionBeatsCategory) {
  Agreement a = Istanbul();
  auto p = Person("6", "private", "military", {1980, 1, 1}, {{"interview", "refused"}});
  Classification c = Classify(a, Side::kA, p);
  EXPECT_EQ(c.status, Status::kExcluded);
  EXPECT_EQ(a.exclusions[c.exclusion].id, "refused");
}

TEST(Eligibility, ExclusionByIdRespectsSidePrefix) {
  Exclusion e;
  e.ids = {"a:7"};
  PersonRecord p;
  p.id = "7";
  EXPECT_TRUE(ExclusionMatches(e, Side::kA, p, {2025, 1, 1}));
  EXPECT_FALSE(ExclusionMatches(e, Side::kB, p, {2025, 1, 1}));
}

TEST(Eligibility, AgeOnAnotherDay) {
  auto a = ParseAgreement(R"([agreement]
title = "T"
date = 2025-06-09
[parties]
a = "A"
b = "B"
[[category]]
id = "young"
when = { age = [18, 25], age_on = 2022-02-24 }
)");
  ASSERT_TRUE(a.has_value()) << a.error().Describe();
  // 26 on the agreement date, 23 on 2022-02-24.
  auto p = Person("1", "", "", {1999, 1, 1});
  EXPECT_EQ(Classify(*a, Side::kA, p).status, Status::kEligible);
  EXPECT_EQ(DescribePredicate(a->categories[0].when[0]), "aged 18 to 25 on 2022-02-24");
  auto bad = ParseAgreement(R"([agreement]
title = "T"
date = 2025-06-09
[parties]
a = "A"
b = "B"
[[category]]
id = "young"
when = { age_on = 2022-02-24 }
)");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().where.row, 9);
}

TEST(Eligibility, RequestedByNameOrByList) {
  auto a = ParseAgreement(R"([agreement]
title = "T"
date = 2025-06-09
[parties]
a = "A"
b = "B"
[[category]]
id = "by_list"
when = { requested = ["Kyiv list 3", "Kyiv list 4"] }
[[category]]
id = "by_name"
when = { requested = true }
)");
  ASSERT_TRUE(a.has_value()) << a.error().Describe();
  auto p = Person("1", "", "", {}, {{"requested", "kyiv list 4"}});
  EXPECT_EQ(a->categories[Classify(*a, Side::kA, p).category].id, "by_list");
  p.extra = {{"requested", "yes"}};
  EXPECT_EQ(a->categories[Classify(*a, Side::kA, p).category].id, "by_name");
  p.extra = {};
  EXPECT_EQ(Classify(*a, Side::kA, p).status, Status::kIneligible);
}

TEST(Eligibility, CaptivityCountsFromTheLatestPossibleDate) {
  PersonRecord p;
  p.extra = {{"capture_date", "2024-06"}};
  auto d = CaptivityDays(p, {2025, 6, 9});
  ASSERT_TRUE(d);
  EXPECT_EQ(*d, DaysFromCivil(2025, 6, 9) - DaysFromCivil(2024, 6, 30));
  p.extra = {{"capture_date", "garbage"}};
  EXPECT_FALSE(CaptivityDays(p, {2025, 6, 9}));
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1) - DaysFromCivil(2000, 2, 28), 2);
}

TEST(Eligibility, ValuesFromThePointsTable) {
  auto a = LoadAgreementFile("examples/agreements/dix-hill-1862.toml");
  ASSERT_TRUE(a.has_value());
  auto general = Person("g", "Major-General", "military", {1820, 1, 1});
  Classification c = Classify(*a, Side::kA, general);
  EXPECT_EQ(a->categories[c.category].id, "officers");
  EXPECT_EQ(c.value, 40);
  auto drummer = Person("d", "drummer", "military", {1845, 1, 1});
  c = Classify(*a, Side::kA, drummer);
  EXPECT_EQ(a->categories[c.category].id, "enlisted");
  EXPECT_EQ(c.value, 1);
}

TEST(Eligibility, PriorityOrdersByCriteriaThenId) {
  Agreement a = Istanbul();
  std::vector<PersonRecord> people = {
      Person("c", "", "military", {1990, 1, 1}, {{"capture_date", "2024-01-01"}}),
      Person("b", "", "military", {1980, 1, 1}, {{"capture_date", "2023-01-01"}}),
      Person("a", "", "military", {1970, 1, 1}, {{"capture_date", "2024-01-01"}}),
      Person("d", "", "military", {1970, 1, 1},
             {{"capture_date", "2024-01-01"}, {"health", "wounded"}}),
      Person("e", "", "military", {1970, 1, 1}),
  };
  std::vector<PriorityKey> keys;
  for (const auto& p : people) keys.push_back(MakePriorityKey(a, p, 1));
  std::vector<size_t> order = {0, 1, 2, 3, 4};
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return PriorityBefore(a, keys[x], people[x].id, keys[y], people[y].id);
  });
  std::string ids;
  for (size_t i : order) ids += people[i].id;
  // wounded first; then longest captivity (b); then older first (a before c); unknown last.
  EXPECT_EQ(ids, "dbace");
}

}  // namespace
}  // namespace parley::rules
