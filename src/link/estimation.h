// parley/link/estimation.h — learning the model from the data: u from random pairs, m by EM.
//
// u (how often two *different* people agree at a level) is measured directly: almost every
// random pair of records is a non-match, so the level frequencies over a random sample are u.
// m (how often the *same* person agrees) cannot be measured without labels, so it is fitted by
// expectation–maximisation on the candidate pairs, holding u fixed (the approach of Splink):
// the candidates are a two-class mixture, and EM alternates "how likely is each pattern a
// match" with "what m explains those likelihoods". Holding u fixed removes the usual label
// switching of two-class EM. EM runs on the histogram of 16-bit pattern codes (at most
// kPatternCount distinct values), so each iteration costs the same for ten pairs or a billion.
//
// Sane priors and clamping: EM starts from DefaultParameters(); m is clamped to
// [kMinM, 1 - kMinM] and, for the "exact" level of each field, not allowed below the level of
// "different" (a field whose values agree less often for matches than for non-matches is a
// sign that EM fitted a different mixture, e.g. "same surname" against everything else);
// λ is kept in [kMinLambda, kMaxLambda].
//
//   PatternHistogram h = ...;                     // count per PatternCode over candidates
//   ModelParameters p = DefaultParameters();
//   EstimateU(left, right, cmp, /*samples=*/200000, /*seed=*/1, p);
//   EmReport r = RunEm(h, p);                     // p now holds the fitted m and λ
#pragma once

#include <cstdint>
#include <vector>

#include "link/comparison.h"
#include "link/match_model.h"
#include "link/prepared_list.h"

namespace parley::link {

inline constexpr double kMinM = 1e-4;
inline constexpr double kMinLambda = 1e-6;
inline constexpr double kMaxLambda = 0.9;

using PatternHistogram = std::vector<std::uint64_t>;  // kPatternCount entries

// Fills params.fields[*].u from `samples` random pairs (i in left, j in right; i != j when
// `same_list`). Levels never seen get a Laplace count of one.
void EstimateU(const PreparedList& left, const PreparedList& right, bool same_list,
               const Comparator& comparator, std::size_t samples, std::uint64_t seed,
               ModelParameters& params);

struct EmReport {
  int iterations = 0;
  bool converged = false;
  double max_change = 0;  // the last iteration's largest change of any m or λ
};

struct EmOptions {
  int max_iterations = 100;
  double tolerance = 1e-5;
};

// Fits params.fields[*].m and params.match_proportion to the histogram; u is not changed.
EmReport RunEm(const PatternHistogram& histogram, ModelParameters& params,
               const EmOptions& options = {});

}  // namespace parley::link
