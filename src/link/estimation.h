// parley/link/estimation.h — learning the model from the data: u from random pairs, m by EM.
//
// u (how often two *different* people agree at a level) is measured directly: almost every
// random pair of records is a non-match, so the level frequencies over a random sample are u.
// m (how often the *same* person agrees) cannot be measured without labels, so it is fitted by
// expectation–maximisation, holding u fixed (the approach of Splink): candidate pairs are a
// two-class mixture, and EM alternates "how likely is each pattern a match" with "what m
// explains those likelihoods". Holding u fixed removes the usual label switching.
//
// Training sessions: the candidates were chosen *because* they agree on blocking keys, so
// among them non-matches agree on surnames far more often than random pairs do, and a single
// EM over all candidates fits "same surname" against the rest (we saw exactly that: λ ran to
// its bound). So m is fitted in sessions, each on the candidates that agree on one blocking
// rule, with that rule's fields ignored (they are constant there) and only the other fields
// learnt: within "same given name and birth date", non-matches' surnames are distributed as in
// random pairs, so u is right there. Each field's m is the average over the sessions that
// learnt it, weighted by each session's estimated matches.
//
// λ is then the share of matches among *all* pairs (left × right), found by the fixed point
// M = Σ_candidates P(match | pattern, λ = M / all pairs): pairs outside the candidates count
// as non-matches. With u from random pairs this is the prior the Bayes formula needs; the
// blocking only decides which pairs are worth scoring.
//
// EM runs on histograms of pattern codes (at most kPatternCount distinct values), so
// each iteration costs the same for ten pairs or a billion.
//
// Sane priors and clamping: EM starts from DefaultParameters() and keeps them as a Dirichlet
// prior of EmOptions::prior_strength pseudo-matches; m("different") is capped per field
// (kMaxMDifferent in estimation.cpp: 5%, 15% for birth places and ranks); m is clamped to
// [kMinM, 1 - kMinM] and, for the "exact" level of each field, not allowed below the level of
// "different" (a field whose values agree less often for matches than for non-matches is a
// sign that EM fitted a different mixture, e.g. "same surname" against everything else);
// λ is kept in [kMinLambda, kMaxLambda].
//
//   PatternHistogram h = ...;                     // count per PatternCode over candidates
//   ModelParameters p = DefaultParameters();
//   EstimateU(left, right, cmp, /*samples=*/200000, /*seed=*/1, p);
//   EmReport r = RunEm(h, p);                     // p now holds the fitted m
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
// `same_list`), or from every pair once when there are no more pairs than samples; the u
// already in `params` serves as a prior worth ten pairs.
void EstimateU(const PreparedList& left, const PreparedList& right, bool same_list,
               const Comparator& comparator, std::size_t samples, std::uint64_t seed,
               ModelParameters& params);

struct EmReport {
  int iterations = 0;
  bool converged = false;
  double max_change = 0;  // the last iteration's largest change of any m or λ
};

struct EmOptions {
  int max_iterations = 500;
  double tolerance = 1e-5;
  // Dirichlet pseudo-count of matches drawn from the starting m: keeps a level never seen in a
  // small data set from getting m ≈ 0 (an infinite penalty); negligible with many pairs.
  double prior_strength = 20;
  // Fields left out of the likelihood and not learnt (the session's blocking fields).
  std::array<bool, kFieldCount> ignored{};
};

// Fits params.fields[*].m (of the fields not ignored) and params.match_proportion (as the
// share of matches among the histogram's pairs) to the histogram; u is not changed.
EmReport RunEm(const PatternHistogram& histogram, ModelParameters& params,
               const EmOptions& options = {});

// One training session's histogram and the fields its blocking rule fixes.
struct TrainingSession {
  PatternHistogram histogram;
  std::array<bool, kFieldCount> ignored{};
};

// Fits m from sessions (see above); fields no session could learn keep their prior. Returns
// the report of the last session run.
EmReport FitM(const std::vector<TrainingSession>& sessions, ModelParameters& params);

// Sets params.match_proportion to the share of matches among `all_pairs` pairs, given the
// histogram of the candidates (fixed point above). Returns the expected number of matches.
double FitMatchProportion(const PatternHistogram& candidates, double all_pairs,
                          ModelParameters& params);

}  // namespace parley::link
