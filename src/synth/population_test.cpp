#include "synth/population.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace parley::synth {
namespace {

class PopulationTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Rng rng(17);
    people_ = new std::vector<Person>(GeneratePopulation(20'000, PopulationOptions{}, rng));
  }
  static void TearDownTestSuite() { delete people_; }
  static const std::vector<Person>& people() { return *people_; }

 private:
  static std::vector<Person>* people_;
};
std::vector<Person>* PopulationTest::people_ = nullptr;

TEST_F(PopulationTest, SameSeedSamePeople) {
  Rng a(17);
  const auto again = GeneratePopulation(20'000, PopulationOptions{}, a);
  ASSERT_EQ(again.size(), people().size());
  for (size_t i = 0; i < again.size(); ++i) {
    ASSERT_EQ(again[i].surname, people()[i].surname);
    ASSERT_EQ(again[i].birth, people()[i].birth);
  }
}

TEST_F(PopulationTest, BirthDatesAreValidAndAgesBetween18And60) {
  const PartialDate ref = PopulationOptions{}.reference_date;
  for (const Person& p : people()) {
    ASSERT_GE(p.birth.month, 1);
    ASSERT_LE(p.birth.month, 12);
    ASSERT_GE(p.birth.day, 1);
    ASSERT_LE(p.birth.day, DaysInMonth(p.birth.year, p.birth.month));
    int age = ref.year - p.birth.year;
    if (PartialDate{ref.year, p.birth.month, p.birth.day} > ref) --age;
    ASSERT_GE(age, 18);
    ASSERT_LE(age, 60);
  }
}

TEST_F(PopulationTest, CaptureDatesOnlyForTheHeldAndWithinTheWar) {
  const PartialDate ref = PopulationOptions{}.reference_date;
  for (const Person& p : people()) {
    if (p.fate == Fate::kMissing) {
      ASSERT_TRUE(p.capture.IsUnknown());
      continue;
    }
    ASSERT_GE(p.capture, (PartialDate{2022, 2, 24}));
    ASSERT_LE(p.capture, ref);
    ASSERT_LE(p.capture.day, DaysInMonth(p.capture.year, p.capture.month));
  }
}

TEST_F(PopulationTest, ServiceNumbersAreUniqueAndOnlyForTheMilitary) {
  std::set<std::string> seen;
  for (const Person& p : people()) {
    const std::string number = ServiceNumber(p);
    if (p.category == Category::kCivilian) {
      ASSERT_TRUE(number.empty());
      continue;
    }
    ASSERT_TRUE(number.starts_with("Щ")) << number;
    ASSERT_TRUE(seen.insert(number).second) << number;
  }
}

TEST_F(PopulationTest, SharesAreRoughlyAsConfigured) {
  const PopulationOptions o;
  int ua = 0, ua_held = 0, female = 0, civilians_ua = 0, russian_passport = 0, wounded = 0,
      held = 0;
  for (const Person& p : people()) {
    const bool is_held = p.fate != Fate::kMissing;
    held += is_held;
    wounded += p.seriously_wounded;
    female += p.sex == Sex::kFemale;
    if (p.nation != Nation::kUkrainian) continue;
    ++ua;
    ua_held += is_held;
    civilians_ua += p.category == Category::kCivilian;
    russian_passport += p.russian_passport;
  }
  const double n = static_cast<double>(people().size());
  EXPECT_NEAR(ua / n, o.ukrainian_share, 0.02);
  EXPECT_NEAR(static_cast<double>(ua_held) / ua, o.ukrainian_held_share, 0.02);
  EXPECT_NEAR(static_cast<double>(civilians_ua) / ua, o.civilian_share_ua, 0.01);
  EXPECT_NEAR(static_cast<double>(russian_passport) / ua, o.russian_passport_share, 0.01);
  EXPECT_NEAR(static_cast<double>(wounded) / held, o.seriously_wounded_share, 0.01);
  EXPECT_GT(female / n, 0.04);
  EXPECT_LT(female / n, 0.15);
}

TEST_F(PopulationTest, CommonNamesCollideLikeInRealLists) {
  std::map<std::pair<int, int>, int> groups;
  for (const Person& p : people()) {
    if (p.nation == Nation::kUkrainian && p.sex == Sex::kMale) ++groups[{p.surname, p.given}];
  }
  int largest = 0;
  for (const auto& [key, count] : groups) largest = std::max(largest, count);
  // DOMAIN.md: a list of 8,000 men holds a dozen "Шевченко Дмитро"; ~13,000 men here.
  EXPECT_GE(largest, 10);
  EXPECT_LE(largest, 80);
}

TEST_F(PopulationTest, NameFormsDifferByLanguage) {
  int differ = 0;
  for (const Person& p : people()) {
    if (p.nation != Nation::kUkrainian || p.russian_passport) continue;
    const NameParts ua = UkrainianForm(p);
    const NameParts ru = RussianForm(p);
    EXPECT_EQ(OwnForm(p).given, ua.given);
    differ += ua.given != ru.given || ua.patronymic != ru.patronymic;
  }
  EXPECT_GT(differ, 5000);
  for (const Person& p : people()) {
    if (p.russian_passport) {
      EXPECT_EQ(OwnForm(p).given, RussianForm(p).given);
      break;
    }
  }
}

}  // namespace
}  // namespace parley::synth
