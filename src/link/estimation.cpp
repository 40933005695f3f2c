#include "link/estimation.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace parley::link {

void EstimateU(const PreparedList& left, const PreparedList& right, bool same_list,
               const Comparator& comparator, std::size_t samples, std::uint64_t seed,
               ModelParameters& params) {
  std::array<std::array<double, kMaxLevels>, kFieldCount> counts{};
  const std::size_t nl = left.Size();
  const std::size_t nr = right.Size();
  if (nl > 0 && nr > 0 && !(same_list && nl < 2)) {
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<std::size_t> pick_l(0, nl - 1);
    std::uniform_int_distribution<std::size_t> pick_r(0, nr - 1);
    for (std::size_t s = 0; s < samples; ++s) {
      const std::size_t i = pick_l(rng);
      std::size_t j = pick_r(rng);
      if (same_list && i == j) continue;
      const ComparisonVector v = comparator.Compare(left.keys[i], right.keys[j]);
      for (int f = 0; f < kFieldCount; ++f) counts[f][v[f]] += 1;
    }
  }
  for (int f = 0; f < kFieldCount; ++f) {
    double total = 0;
    for (int l = 1; l < kLevelCount[f]; ++l) total += counts[f][l] + 1;
    for (int l = 1; l < kLevelCount[f]; ++l) {
      params.fields[f].u[l] = (counts[f][l] + 1) / total;
    }
  }
}

namespace {

void ClampM(ModelParameters& params) {
  for (int f = 0; f < kFieldCount; ++f) {
    auto& m = params.fields[f].m;
    const int levels = kLevelCount[f];
    const int exact = levels - 1;
    m[exact] = std::max(m[exact], m[1]);
    double sum = 0;
    for (int l = 1; l < levels; ++l) {
      m[l] = std::clamp(m[l], kMinM, 1.0 - kMinM);
      sum += m[l];
    }
    for (int l = 1; l < levels; ++l) m[l] /= sum;
  }
}

}  // namespace

EmReport RunEm(const PatternHistogram& histogram, ModelParameters& params,
               const EmOptions& options) {
  EmReport report;
  std::vector<std::pair<ComparisonVector, double>> patterns;
  double total = 0;
  for (std::size_t code = 0; code < histogram.size(); ++code) {
    if (histogram[code] == 0) continue;
    patterns.emplace_back(FromPatternCode(static_cast<std::uint16_t>(code)),
                          static_cast<double>(histogram[code]));
    total += static_cast<double>(histogram[code]);
  }
  if (patterns.empty()) return report;
  ClampM(params);
  for (int it = 0; it < options.max_iterations; ++it) {
    std::array<std::array<double, kMaxLevels>, kFieldCount> m_sum{};
    double match_mass = 0;
    const double lambda = params.match_proportion;
    for (const auto& [v, count] : patterns) {
      double log_ratio = std::log(lambda) - std::log1p(-lambda);
      for (int f = 0; f < kFieldCount; ++f) {
        if (v[f] == kLevelMissing) continue;
        log_ratio += std::log(params.fields[f].m[v[f]]) - std::log(params.fields[f].u[v[f]]);
      }
      const double posterior = 1.0 / (1.0 + std::exp(-std::clamp(log_ratio, -700.0, 700.0)));
      const double mass = posterior * count;
      match_mass += mass;
      for (int f = 0; f < kFieldCount; ++f) m_sum[f][v[f]] += mass;
    }
    double max_change = 0;
    const double new_lambda = std::clamp(match_mass / total, kMinLambda, kMaxLambda);
    max_change = std::abs(new_lambda - lambda);
    params.match_proportion = new_lambda;
    for (int f = 0; f < kFieldCount; ++f) {
      double present = 0;
      for (int l = 1; l < kLevelCount[f]; ++l) present += m_sum[f][l];
      if (present <= 0) continue;  // field missing everywhere: keep the prior
      for (int l = 1; l < kLevelCount[f]; ++l) {
        const double m = m_sum[f][l] / present;
        max_change = std::max(max_change, std::abs(m - params.fields[f].m[l]));
        params.fields[f].m[l] = m;
      }
    }
    ClampM(params);
    report.iterations = it + 1;
    report.max_change = max_change;
    if (max_change < options.tolerance) {
      report.converged = true;
      break;
    }
  }
  return report;
}

}  // namespace parley::link
