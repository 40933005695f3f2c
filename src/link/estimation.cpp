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
  auto count = [&](std::size_t i, std::size_t j) {
    const ComparisonVector v = comparator.Compare(left.keys[i], right.keys[j]);
    for (int f = 0; f < kFieldCount; ++f) counts[f][v[f]] += 1;
  };
  const double all_pairs = static_cast<double>(nl) * static_cast<double>(nr);
  if (all_pairs <= static_cast<double>(samples)) {
    // Small lists: every pair once. Sampling with replacement would count the same few
    // pairs hundreds of times and drown the prior in repetitions of one observation.
    for (std::size_t i = 0; i < nl; ++i) {
      for (std::size_t j = same_list ? i + 1 : 0; j < nr; ++j) count(i, j);
    }
  } else if (nl > 0 && nr > 0) {
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<std::size_t> pick_l(0, nl - 1);
    std::uniform_int_distribution<std::size_t> pick_r(0, nr - 1);
    for (std::size_t s = 0; s < samples; ++s) {
      const std::size_t i = pick_l(rng);
      std::size_t j = pick_r(rng);
      if (same_list && i == j) continue;
      count(i, j);
    }
  }
  // A Dirichlet prior of kUPriorStrength pairs drawn from the starting u: with plenty of data
  // it vanishes, and a field almost never filled in (service numbers in a small list) keeps
  // a sane u instead of a uniform guess that would make "exact" look like weak evidence.
  constexpr double kUPriorStrength = 10;
  for (int f = 0; f < kFieldCount; ++f) {
    double total = kUPriorStrength;
    for (int l = 1; l < kLevelCount[f]; ++l) total += counts[f][l];
    for (int l = 1; l < kLevelCount[f]; ++l) {
      params.fields[f].u[l] = (counts[f][l] + kUPriorStrength * params.fields[f].u[l]) / total;
    }
  }
}

namespace {

// The most m("different") may be, per field: how often the same person's two records can
// disagree completely on it. Clerical error makes a field "close" or "year ±1", rarely wholly
// different; when EM claims more (we saw 45% for birth dates in a 1M register full of
// namesakes), it has fitted "same surname and given name" rather than "same person".
constexpr std::array<double, kFieldCount> kMaxMDifferent = {0.05, 0.05, 0.05, 0.05,
                                                            0.05, 0.15, 0.15};

void ClampM(ModelParameters& params) {
  for (int f = 0; f < kFieldCount; ++f) {
    auto& m = params.fields[f].m;
    const int levels = kLevelCount[f];
    const int exact = levels - 1;
    m[exact] = std::max(m[exact], m[1]);
    if (m[1] > kMaxMDifferent[f]) {
      // Give the excess to the other levels in proportion, so they still sum to one.
      const double rest = 1.0 - m[1];
      const double scale = rest > 0 ? (1.0 - kMaxMDifferent[f]) / rest : 0;
      for (int l = 2; l < levels; ++l)
        m[l] = rest > 0 ? m[l] * scale : (1.0 - kMaxMDifferent[f]) / (levels - 2);
      m[1] = kMaxMDifferent[f];
    }
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
    patterns.emplace_back(FromPatternCode(static_cast<Pattern>(code)),
                          static_cast<double>(histogram[code]));
    total += static_cast<double>(histogram[code]);
  }
  if (patterns.empty()) return report;
  ClampM(params);
  const ModelParameters prior = params;
  for (int it = 0; it < options.max_iterations; ++it) {
    std::array<std::array<double, kMaxLevels>, kFieldCount> m_sum{};
    double match_mass = 0;
    const double lambda = params.match_proportion;
    for (const auto& [v, count] : patterns) {
      double log_ratio = std::log(lambda) - std::log1p(-lambda);
      for (int f = 0; f < kFieldCount; ++f) {
        if (v[f] == kLevelMissing || options.ignored[f]) continue;
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
      if (options.ignored[f]) continue;
      double present = 0;
      for (int l = 1; l < kLevelCount[f]; ++l) present += m_sum[f][l];
      if (present <= 0) continue;  // field missing everywhere: keep the prior
      for (int l = 1; l < kLevelCount[f]; ++l) {
        const double m = (m_sum[f][l] + options.prior_strength * prior.fields[f].m[l]) /
                         (present + options.prior_strength);
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

EmReport FitM(const std::vector<TrainingSession>& sessions, ModelParameters& params) {
  // Sessions with fewer expected matches than this say too little to override the priors.
  constexpr double kMinSessionMatches = 20;
  const ModelParameters prior = params;
  std::array<std::array<double, kMaxLevels>, kFieldCount> m_sum{};
  std::array<double, kFieldCount> mass{};
  EmReport report;
  for (const TrainingSession& session : sessions) {
    ModelParameters fit = prior;
    EmOptions options;
    options.ignored = session.ignored;
    fit.match_proportion = 0.3;
    report = RunEm(session.histogram, fit, options);
    double pairs = 0;
    for (std::uint64_t c : session.histogram) pairs += static_cast<double>(c);
    const double matches = fit.match_proportion * pairs;
    if (report.iterations == 0 || matches < kMinSessionMatches) continue;
    for (int f = 0; f < kFieldCount; ++f) {
      if (session.ignored[f]) continue;
      mass[f] += matches;
      for (int l = 1; l < kLevelCount[f]; ++l) m_sum[f][l] += matches * fit.fields[f].m[l];
    }
  }
  for (int f = 0; f < kFieldCount; ++f) {
    if (mass[f] <= 0) continue;
    for (int l = 1; l < kLevelCount[f]; ++l) params.fields[f].m[l] = m_sum[f][l] / mass[f];
  }
  ClampM(params);
  return report;
}

double FitMatchProportion(const PatternHistogram& candidates, double all_pairs,
                          ModelParameters& params) {
  std::vector<std::pair<double, double>> weights;  // (log-likelihood ratio, count)
  double total = 0;
  for (std::size_t code = 0; code < candidates.size(); ++code) {
    if (candidates[code] == 0) continue;
    const ComparisonVector v = FromPatternCode(static_cast<Pattern>(code));
    double llr = 0;
    for (int f = 0; f < kFieldCount; ++f) {
      if (v[f] == kLevelMissing) continue;
      llr += std::log(params.fields[f].m[v[f]]) - std::log(params.fields[f].u[v[f]]);
    }
    weights.emplace_back(llr, static_cast<double>(candidates[code]));
    total += static_cast<double>(candidates[code]);
  }
  if (weights.empty() || all_pairs <= 0) {
    params.match_proportion = kMinLambda;
    return 0;
  }
  double matches = std::max(1.0, total * 0.1);
  for (int it = 0; it < 200; ++it) {
    const double lambda = std::clamp(matches / all_pairs, 1e-15, kMaxLambda);
    const double prior = std::log(lambda) - std::log1p(-lambda);
    double next = 0;
    for (const auto& [llr, count] : weights) {
      next += count / (1.0 + std::exp(-std::clamp(prior + llr, -700.0, 700.0)));
    }
    const bool done = std::abs(next - matches) < 1e-3 * std::max(1.0, matches);
    matches = next;
    if (done) break;
  }
  params.match_proportion = std::clamp(matches / all_pairs, 1e-15, kMaxLambda);
  return matches;
}

}  // namespace parley::link
