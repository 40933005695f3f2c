#include "link/estimation.h"

#include <gtest/gtest.h>

#include <random>

namespace parley::link {
namespace {

// Draws a level from a categorical distribution over levels 1..n-1.
std::uint8_t Draw(std::mt19937_64& rng, const std::array<double, kMaxLevels>& p, int levels) {
  std::uniform_real_distribution<double> unit(0, 1);
  double x = unit(rng);
  for (int l = 1; l < levels; ++l) {
    x -= p[l];
    if (x <= 0) return static_cast<std::uint8_t>(l);
  }
  return static_cast<std::uint8_t>(levels - 1);
}

// A planted mixture: 20% matches with known m, 80% non-matches with known u.
TEST(EmTest, RecoversPlantedMixture) {
  ModelParameters truth = DefaultParameters();
  for (int f = 0; f < kFieldCount; ++f) {
    auto& fp = truth.fields[f];
    const int n = kLevelCount[f];
    for (int l = 1; l < n; ++l) {
      // Matches rarely disagree completely (m("different") is capped at 5% by design).
      fp.m[l] = l == n - 1 ? 0.7 : (l == 1 ? 0.02 : 0.28 / (n - 3));
      fp.u[l] = l == 1 ? 0.8 : 0.2 / (n - 2);
    }
  }
  std::mt19937_64 rng(7);
  PatternHistogram histogram(kPatternCount, 0);
  const int kPairs = 200000;
  for (int i = 0; i < kPairs; ++i) {
    const bool match = i % 5 == 0;
    ComparisonVector v{};
    for (int f = 0; f < kFieldCount; ++f) {
      v[f] = Draw(rng, match ? truth.fields[f].m : truth.fields[f].u, kLevelCount[f]);
    }
    ++histogram[PatternCode(v)];
  }
  ModelParameters fit = DefaultParameters();
  for (int f = 0; f < kFieldCount; ++f) fit.fields[f].u = truth.fields[f].u;
  fit.match_proportion = 0.05;
  const EmReport report = RunEm(histogram, fit);
  EXPECT_TRUE(report.converged);
  EXPECT_NEAR(fit.match_proportion, 0.2, 0.01);
  for (int f = 0; f < kFieldCount; ++f) {
    for (int l = 1; l < kLevelCount[f]; ++l) {
      EXPECT_NEAR(fit.fields[f].m[l], truth.fields[f].m[l], 0.02)
          << "field " << f << " level " << l;
    }
  }
}

TEST(EmTest, DifferentLevelIsCapped) {
  // Every pair disagrees on the surname: EM alone would make m("different") = 1.
  PatternHistogram histogram(kPatternCount, 0);
  ComparisonVector v{};
  v[FieldIndex(Field::kSurname)] = name_level::kDifferent;
  v[FieldIndex(Field::kBirthDate)] = date_level::kExact;
  histogram[PatternCode(v)] = 1000;
  ModelParameters p = DefaultParameters();
  RunEm(histogram, p);
  EXPECT_LE(p.fields[FieldIndex(Field::kSurname)].m[name_level::kDifferent], 0.05 + 1e-9);
}

TEST(EmTest, EmptyHistogramKeepsPriors) {
  ModelParameters p = DefaultParameters();
  const ModelParameters before = p;
  const EmReport r = RunEm(PatternHistogram(kPatternCount, 0), p);
  EXPECT_EQ(r.iterations, 0);
  EXPECT_EQ(p.fields[0].m, before.fields[0].m);
}

TEST(EstimateUTest, RandomPairsMostlyDisagree) {
  StringPool pool;
  PreparedList list;
  for (std::uint32_t i = 0; i < 1000; ++i) {
    RecordKeys k;
    k.surname = pool.Intern("surname" + std::to_string(i % 100));
    k.given = k.given_group = pool.Intern("given" + std::to_string(i % 10));
    k.birth = {static_cast<std::uint16_t>(1960 + i % 40), static_cast<std::uint8_t>(1 + i % 12),
               static_cast<std::uint8_t>(1 + i % 28)};
    list.keys.push_back(k);
    list.ids.push_back(std::to_string(i));
  }
  Comparator cmp(pool);
  ModelParameters p = DefaultParameters();
  EstimateU(list, list, true, cmp, 100000, 3, p);
  const auto& given_u = p.fields[FieldIndex(Field::kGivenName)].u;
  EXPECT_NEAR(given_u[name_level::kExact], 0.1, 0.01);  // 10 equally common given names
  const auto& date_u = p.fields[FieldIndex(Field::kBirthDate)].u;
  EXPECT_LT(date_u[date_level::kExact], 0.01);
}

}  // namespace
}  // namespace parley::link
