#include "link/match_model.h"

#include <gtest/gtest.h>

#include <cmath>

namespace parley::link {
namespace {

// A model whose term frequencies are counted over `records` (u of the surname's exact level,
// and of the given name's and the patronymic's agreement; birth places not adjusted).
MatchModel ModelCounting(std::span<const RecordKeys> records, std::size_t pool_size,
                         double u_surname, double u_name) {
  MatchModel model(DefaultParameters());
  model.SetTermFrequencies(
      TermFrequencies::Count(records, {}, pool_size, u_surname, u_name, u_name, 0.0));
  return model;
}

TEST(MatchModelTest, WeightsAreLog2OfMOverUAndMissingIsZero) {
  ModelParameters p = DefaultParameters();
  MatchModel model(p);
  const int s = FieldIndex(Field::kSurname);
  const auto& fp = model.Parameters().fields[s];
  EXPECT_NEAR(model.LevelWeight(s, name_level::kExact),
              std::log2(fp.m[name_level::kExact] / fp.u[name_level::kExact]), 1e-5);
  EXPECT_GT(model.LevelWeight(s, name_level::kExact), 0);
  EXPECT_LT(model.LevelWeight(s, name_level::kDifferent), 0);
  EXPECT_EQ(model.LevelWeight(s, kLevelMissing), 0);
}

TEST(MatchModelTest, ProbabilityAndWeightAreInverse) {
  MatchModel model(DefaultParameters());
  for (double p : {0.01, 0.5, 0.9, 0.999}) {
    EXPECT_NEAR(model.Probability(model.WeightForProbability(p)), p, 1e-9);
  }
  EXPECT_LT(model.Probability(-10), model.Probability(10));
}

TEST(TermFrequencyTest, CommonSurnameWeighsLessThanRareOne) {
  // 100 records: 30 share surname id 1 ("Шевченко"), one has id 2 (rare), the rest unique.
  std::vector<RecordKeys> records(100);
  for (std::uint32_t i = 0; i < 100; ++i) records[i].surname = i < 30 ? 1 : (i == 30 ? 2 : 100 + i);
  const double u_exact = 0.095;  // ≈ Σ share² for this distribution
  const MatchModel model = ModelCounting(records, 300, u_exact, 0.1);
  ComparisonVector v{};
  v[FieldIndex(Field::kSurname)] = name_level::kExact;
  RecordKeys common;
  common.surname = 1;
  RecordKeys rare;
  rare.surname = 2;
  const float w_common = model.Weight(v, common, common);
  const float w_rare = model.Weight(v, rare, rare);
  const float w_plain = model.LevelWeight(FieldIndex(Field::kSurname), name_level::kExact);
  EXPECT_LT(w_common, w_plain);
  EXPECT_GT(w_rare, w_plain);
  EXPECT_LT(w_common, w_rare);
  // The adjustment is bounded: one rare name cannot outvote everything else.
  EXPECT_LE(w_rare - w_plain, kMaxTfAdjust + 1e-6);
}

// Born in a city where half the list was born says less than born in a village.
TEST(TermFrequencyTest, CommonBirthPlaceWeighsLessThanRareOne) {
  std::vector<RecordKeys> records(100);
  for (std::uint32_t i = 0; i < 100; ++i) records[i].birth_place = i < 50 ? 1 : 2 + i;
  MatchModel model(DefaultParameters());
  model.SetTermFrequencies(TermFrequencies::Count(records, {}, 200, 0.1, 0.1, 0.1, 0.26));
  ComparisonVector v{};
  v[FieldIndex(Field::kBirthPlace)] = code_level::kExact;
  RecordKeys city;
  city.birth_place = 1;
  RecordKeys village;
  village.birth_place = 60;
  const float plain = model.LevelWeight(FieldIndex(Field::kBirthPlace), code_level::kExact);
  EXPECT_LT(model.Weight(v, city, city), plain);
  EXPECT_GT(model.Weight(v, village, village), plain);
  const auto why = model.Explain(v, city, city);
  EXPECT_FLOAT_EQ(why[FieldIndex(Field::kBirthPlace)].weight, model.Weight(v, city, city))
      << "the explanation carries the adjustment";
  v[FieldIndex(Field::kBirthPlace)] = code_level::kClose;
  EXPECT_EQ(model.Weight(v, city, city),
            model.LevelWeight(FieldIndex(Field::kBirthPlace), code_level::kClose));
}

TEST(TermFrequencyTest, GivenNameAdjustedByGroup) {
  std::vector<RecordKeys> records(10);
  for (std::uint32_t i = 0; i < 10; ++i) records[i].given_group = i < 8 ? 5 : 6;
  const MatchModel model = ModelCounting(records, 10, 0.1, 0.5);
  ComparisonVector v{};
  v[FieldIndex(Field::kGivenName)] = name_level::kEquivalent;
  RecordKeys a;
  a.given_group = 5;
  RecordKeys b;
  b.given_group = 6;
  EXPECT_LT(model.Weight(v, a, a), model.Weight(v, b, b));
}

// A misspelt Шевченко is still one of many Шевченко: a surname one typo away weighs by the
// more common spelling's share, and the explanation's surname row carries it.
TEST(TermFrequencyTest, MisspeltSurnameWeighsByTheCommonerSpelling) {
  std::vector<RecordKeys> records(100);
  for (std::uint32_t i = 0; i < 100; ++i) records[i].surname = i < 30 ? 1 : (i < 32 ? 2 : 100 + i);
  const MatchModel model = ModelCounting(records, 300, 0.095, 0.1);
  const int s = FieldIndex(Field::kSurname);
  ComparisonVector v{};
  v[s] = name_level::kClose;
  RecordKeys typo;  // a spelling seen once
  typo.surname = 150;
  RecordKeys common;
  common.surname = 1;
  RecordKeys rare;
  rare.surname = 2;
  EXPECT_LT(model.Weight(v, typo, common), model.Weight(v, typo, rare));
  EXPECT_EQ(model.SurnameAdjustment(v, typo, common), model.SurnameAdjustment(v, common, typo));
  EXPECT_FLOAT_EQ(model.Explain(v, typo, common)[s].weight, model.Weight(v, typo, common));
  v[s] = name_level::kDifferent;
  EXPECT_EQ(model.SurnameAdjustment(v, typo, common), 0.0f);
}

// A patronymic is a father's given name: "Олександрович" is shared by many, "Ярославович" by
// few, and agreeing on the rarer one is the stronger evidence; the explanation shows it on the
// patronymic's own row, so that the rows still add up to the weight.
TEST(TermFrequencyTest, PatronymicAdjustedByGroupAndExplainedOnItsRow) {
  std::vector<RecordKeys> records(10);
  for (std::uint32_t i = 0; i < 10; ++i) records[i].patronymic_group = i < 8 ? 5 : 6;
  const MatchModel model = ModelCounting(records, 10, 0.1, 0.5);
  const int p = FieldIndex(Field::kPatronymic);
  ComparisonVector v{};
  v[p] = name_level::kEquivalent;
  RecordKeys common;
  common.patronymic_group = 5;
  RecordKeys rare;
  rare.patronymic_group = 6;
  EXPECT_LT(model.Weight(v, common, common), model.LevelWeight(p, name_level::kEquivalent));
  EXPECT_GT(model.Weight(v, rare, rare), model.LevelWeight(p, name_level::kEquivalent));
  EXPECT_FLOAT_EQ(model.Explain(v, rare, rare)[p].weight, model.Weight(v, rare, rare));
  // Patronymics of two groups that compare "close" (a typo) get no adjustment.
  v[p] = name_level::kClose;
  EXPECT_EQ(model.ValueAdjustment(v, rare, common), 0.0f);
}

// A namesake (same full name, born years apart on another day) and a twin (same everything
// but another full given name) are told apart by value adjustments EM cannot learn.
TEST(MatchModelTest, AnotherBirthdayAndAnotherGivenNameWeighAgainst) {
  const MatchModel model;
  RecordKeys a;
  RecordKeys b;
  a.birth = {1984, 3, 17};
  b.birth = {1991, 9, 26};
  ComparisonVector v{};
  v[FieldIndex(Field::kBirthDate)] = CompareDates(a.birth, b.birth);
  ASSERT_EQ(v[FieldIndex(Field::kBirthDate)], date_level::kDifferent);
  EXPECT_EQ(model.ValueAdjustment(v, a, b), kOtherBirthDateWeight);
  // A typo is not another birthday: the same day and month in another year, a year off by
  // one, one digit of the year, two neighbouring digits swapped; nor is a year one slip away
  // where one side knows only the year.
  for (PackedDate typo : {PackedDate{1948, 3, 17}, PackedDate{1985, 4, 18}, PackedDate{1974, 3, 18},
                          PackedDate{1948, 3, 16}, PackedDate{1985, 0, 0}, PackedDate{1994, 0, 0},
                          PackedDate{1948, 0, 0}}) {
    b.birth = typo;
    v[FieldIndex(Field::kBirthDate)] = CompareDates(a.birth, b.birth);
    EXPECT_EQ(model.ValueAdjustment(v, a, b), 0.0f) << typo.year << "-" << int{typo.month};
  }
  // Another year (more than one slip away) with another day, or with nothing else known.
  for (PackedDate other :
       {PackedDate{1975, 3, 21}, PackedDate{1990, 0, 0}, PackedDate{1969, 3, 0}}) {
    b.birth = other;
    v[FieldIndex(Field::kBirthDate)] = CompareDates(a.birth, b.birth);
    ASSERT_EQ(v[FieldIndex(Field::kBirthDate)], date_level::kDifferent) << other.year;
    EXPECT_EQ(model.ValueAdjustment(v, a, b), kOtherBirthDateWeight) << other.year;
  }
  b.birth = a.birth;
  v[FieldIndex(Field::kBirthDate)] = date_level::kExact;
  v[FieldIndex(Field::kGivenName)] = name_level::kDifferent;
  a.given_is_known = b.given_is_known = true;  // Ярослав / Игорь
  EXPECT_EQ(model.ValueAdjustment(v, a, b), kOtherGivenNameWeight);
  b.given_is_known = false;  // Антон / Лазарь: one name the table does not know
  EXPECT_EQ(model.ValueAdjustment(v, a, b), kOtherGivenNameWeight);
  a.given_is_known = false;  // neither known, or forms of several names (Женя / Саша)
  EXPECT_EQ(model.ValueAdjustment(v, a, b), 0.0f);
  a.given_is_known = true;  // a misspelling is not "different" (close or similar)
  v[FieldIndex(Field::kGivenName)] = name_level::kSimilar;
  EXPECT_EQ(model.ValueAdjustment(v, a, b), 0.0f);
}

}  // namespace
}  // namespace parley::link

namespace parley::link {
namespace {
// Relatives and namesakes share whole names more often than the fields' product says: with a
// namesake share s measured, a full name's weight W becomes -log2(2^-W + s/m), m = P(full name
// agrees | same person), so a rare full name weighs at most log2(m/s) and a common one keeps
// about its weight; the rest of the evidence still adds to it, a name that is not whole is not
// limited, and the explanation still adds up to the weight.
TEST(MatchModelTest, NamesakeShareLimitsWhatAFullNameWeighs) {
  ModelParameters p = DefaultParameters();
  const MatchModel plain(p);
  p.namesake_share = 1e-3;
  const MatchModel limited(p);
  ComparisonVector v{};
  v[FieldIndex(Field::kSurname)] = name_level::kExact;
  v[FieldIndex(Field::kGivenName)] = name_level::kEquivalent;
  v[FieldIndex(Field::kPatronymic)] = name_level::kExact;
  double m = 1;  // P(full name agrees | same person)
  for (Field f : {Field::kSurname, Field::kGivenName, Field::kPatronymic}) {
    m *= p.fields[FieldIndex(f)].m[name_level::kExact] +
         p.fields[FieldIndex(f)].m[name_level::kEquivalent];
  }
  const RecordKeys a;
  const double w = plain.Weight(v, a, a);
  ASSERT_GT(w, std::log2(m / p.namesake_share)) << "the test needs names worth more than the limit";
  EXPECT_NEAR(limited.Weight(v, a, a), -std::log2(std::exp2(-w) + p.namesake_share / m), 1e-4);
  EXPECT_LT(limited.Weight(v, a, a), std::log2(m / p.namesake_share));
  float explained = 0;
  for (const FieldWeight& fw : limited.Explain(v, a, a)) explained += fw.weight;
  EXPECT_NEAR(explained, limited.Weight(v, a, a), 1e-4);

  ComparisonVector dated = v;
  dated[FieldIndex(Field::kBirthDate)] = date_level::kExact;
  EXPECT_NEAR(limited.Weight(dated, a, a) - limited.Weight(v, a, a),
              limited.LevelWeight(FieldIndex(Field::kBirthDate), date_level::kExact), 1e-4);

  ComparisonVector no_patronymic = v;
  no_patronymic[FieldIndex(Field::kPatronymic)] = kLevelMissing;
  EXPECT_FLOAT_EQ(limited.Weight(no_patronymic, a, a), plain.Weight(no_patronymic, a, a));

  // A namesake's record may carry a surname slip as well as anyone's: the limit holds for a
  // surname one slip off, and not for another surname.
  ComparisonVector slip = v;
  slip[FieldIndex(Field::kSurname)] = name_level::kSimilar;
  const double w_slip = plain.Weight(slip, a, a);
  EXPECT_NEAR(limited.Weight(slip, a, a), -std::log2(std::exp2(-w_slip) + p.namesake_share / m),
              1e-4);
  ComparisonVector other = v;
  other[FieldIndex(Field::kSurname)] = name_level::kDifferent;
  EXPECT_FLOAT_EQ(limited.Weight(other, a, a), plain.Weight(other, a, a));

  // A full name common enough that chance explains it loses little.
  p.namesake_share = 1e-7;
  EXPECT_NEAR(MatchModel(p).Weight(v, a, a), w, 0.01);
}

TEST(MatchModelTest, PartialAgreementNeverOutweighsExact) {
  ModelParameters p = DefaultParameters();
  auto& given = p.fields[FieldIndex(Field::kGivenName)];
  given.u[name_level::kClose] = 1e-7;  // a level random pairs never reached
  auto& date = p.fields[FieldIndex(Field::kBirthDate)];
  date.u[date_level::kSwapped] = 1e-9;
  MatchModel model(p);
  const int g = FieldIndex(Field::kGivenName);
  EXPECT_LE(model.LevelWeight(g, name_level::kClose),
            model.LevelWeight(g, name_level::kEquivalent));
  EXPECT_LE(model.LevelWeight(g, name_level::kEquivalent),
            model.LevelWeight(g, name_level::kExact));
  const int d = FieldIndex(Field::kBirthDate);
  EXPECT_LE(model.LevelWeight(d, date_level::kSwapped), model.LevelWeight(d, date_level::kExact));
}

}  // namespace
}  // namespace parley::link
