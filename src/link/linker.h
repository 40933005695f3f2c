// parley/link/linker.h — the linkage pipeline: prepare, block, score, learn, decide.
//
// LinkRecords finds the pairs of records (one from each list) that are probably the same
// person; DedupeRecords finds the groups of records within one list that are. Both run:
//   1. PrepareList: names to keys, interned (once per record, in parallel);
//   2. GenerateCandidates: union of blocking rules, no quadratic step;
//   3. pass one over the candidates: comparison vector of each pair, kept as a 32-bit
//      pattern code (4 bytes a pair: seven fields' levels do not fit 16 bits), and the
//      histogram of patterns;
//   4. u from random pairs, m and λ by EM on the histogram, term frequencies of surnames,
//      given-name groups and patronymic groups, then the namesake share (one more pass over
//      the candidates: pairs with one full name and another birthday; match_model.h);
//   5. pass two: the weight of each pair from the pattern (a table lookup) plus the TF
//      adjustment and the namesake limit; pairs at or above the threshold are kept, with optional
//      one-to-one assignment (link) or conflict-aware clustering (dedupe).
// Passes one and two run on `threads` threads over disjoint slices of the candidates, each
// with its own histogram, and allocate nothing per pair.
//
// Aliases (PreparedList): a record is blocked under every name it carries, each pair is
// compared under its best pair of names (Comparator::CompareBest), and the pair remembers which
// names those were (LinkedPair::names, Linkage::NameUsed), so the explanation can say so.
//
// Incremental runs (LinkOptions::left_active / right_active / parameters) block everything as
// usual but score only the pairs touching a new or changed record, with a stored model.
//
// Contract: records are taken as read (ReadListFile's output); the only failure is a name the
// name engine refuses. Output pairs index into the inputs and are sorted by (left, right).
// Deterministic for a given seed and input, whatever the thread count.
//
//   LinkOptions opts;                         // threshold kDefaultMatchThreshold
//   PARLEY_ASSIGN_OR_RETURN(Linkage l, LinkRecords(requests, custody, opts));
//   for (const LinkedPair& p : l.Matches()) { auto why = l.Explain(p); ... }
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "link/blocking.h"
#include "link/comparison.h"
#include "link/estimation.h"
#include "link/match_model.h"
#include "link/prepared_list.h"
#include "link/string_pool.h"
#include "lists/person_record.h"

namespace parley::link {

inline constexpr double kDefaultMatchThreshold = 0.5;

// Called now and then with the stage and how far it is; must be cheap and thread-safe.
using ProgressFn =
    std::function<void(std::string_view stage, std::uint64_t done, std::uint64_t total)>;

struct LinkOptions {
  double threshold = kDefaultMatchThreshold;
  bool one_to_one = false;  // link only: each record in at most one pair
  int threads = 2;
  BlockingOptions blocking;
  std::size_t u_samples = 400000;
  std::uint64_t seed = 20260101;
  bool term_frequency = true;
  ProgressFn progress;  // may be empty
  // Incremental runs: only candidate pairs touching an active record are scored; empty means
  // every record is active. Sizes must match the lists when set.
  std::vector<bool> left_active;
  std::vector<bool> right_active;
  // Use these m, u and λ instead of estimating them: an incremental run reuses the model of the
  // last full run, since a handful of new records cannot train one.
  std::optional<ModelParameters> parameters;
  // Link only: a pair's probability also weighs the left record's other candidates, since at
  // most one of them is its person (RivalWeight). Off: each pair is judged alone.
  bool weigh_rivals = true;
};

// How much a left record's other candidates change the evidence for one of its pairs, in
// bits. A pair alone is judged against all pairs (prior λ); but a request either has its
// person in the register (a share h = λ·|right| of requests do) or not, and then at most one
// of its candidates is that person. So the odds of pair (i, j) are
//   λ·LR(i,j) / ((1 − h) + λ·Σ_{k≠j} LR(i,k)),
// where LR = 2^weight. Against the pairwise odds λ·LR / (1 − λ) that is this many bits:
//   log2(1 − λ) − log2((1 − h) + λ·others), others = Σ_{k≠j} LR(i,k).
// With no other candidate it is up to +log2(1 / (1 − h)) (h is capped at kMaxHeldShare, so
// +4.3 bits at most); a rival as strong as the pair takes about what the pair has. Added to
// LinkedPair::weight, so that the probability stays 1 / (1 + 2^-(prior + weight)).
inline constexpr double kMaxHeldShare = 0.95;
// A candidate is "strong" when its evidence λ·2^weight reaches this share of (1 − h): only
// strong candidates of one request are compared with each other for being one person (two
// register rows of one person are not each other's rivals).
inline constexpr double kStrongShare = 1e-3;
// Two register rows are one person (so not rivals) when they match each other at least this
// surely, with no conflicting field: brothers and twins must stay rivals.
inline constexpr double kSamePersonProbability = 0.99;
[[nodiscard]] double RivalWeight(double lambda, double held_share, double others);

struct LinkedPair {
  std::uint32_t left = 0;
  std::uint32_t right = 0;
  float weight = 0;
  float probability = 0;
  Pattern pattern = 0;
  NamePick names;    // the names the pair was compared under (0 = the listed names)
  float rivals = 0;  // RivalWeight, included in `weight` (0 when rivals are not weighed)
};

struct LinkStats {
  std::uint64_t left_records = 0;
  std::uint64_t right_records = 0;
  std::uint64_t candidates = 0;  // scored pairs (after the incremental filter)
  BlockingStats blocking;
  EmReport em;                  // the last EM training session
  double expected_matches = 0;  // the model's estimate of true matches among all pairs
};

// The result of a run. It keeps the prepared lists and the fitted model so that any pair can
// be explained field by field after the fact.
class Linkage {
 public:
  [[nodiscard]] const std::vector<LinkedPair>& Matches() const { return matches_; }
  [[nodiscard]] const PreparedList& Left() const { return left_; }
  [[nodiscard]] const PreparedList& Right() const { return same_list_ ? left_ : right_; }
  [[nodiscard]] const MatchModel& Model() const { return model_; }
  [[nodiscard]] const LinkStats& Stats() const { return stats_; }
  // Cluster number per record (DedupeRecords only; empty for LinkRecords).
  [[nodiscard]] const std::vector<std::uint32_t>& Clusters() const { return clusters_; }
  [[nodiscard]] std::array<FieldWeight, kFieldCount> Explain(const LinkedPair& p) const;
  // The alias a side of the pair matched under, as written; "" for the listed name.
  [[nodiscard]] std::string_view NameUsed(const LinkedPair& p, bool left_side) const;
  // Whether the pair's surnames and given names were compared crossed (one side wrote each in
  // the other's column; Comparator::NamesCrossed), so that an explanation can say so.
  [[nodiscard]] bool NamesCrossed(const LinkedPair& p) const;
  // Incremental runs that weigh rivals: the left records whose pairs were all scored again,
  // the active ones and those with a candidate among the active right records (their rivals
  // changed). Empty when every record was active.
  [[nodiscard]] const std::vector<bool>& RescoredLeft() const { return rescored_left_; }
  [[nodiscard]] bool WeighsRivals() const { return weighs_rivals_; }
  // RivalWeight of a pair whose left record has no other candidate: the most a pair gains.
  [[nodiscard]] float RivalWeightAlone() const { return rival_weight_alone_; }

 private:
  friend class LinkRunner;
  StringPool pool_;
  PreparedList left_;
  PreparedList right_;
  bool same_list_ = false;
  MatchModel model_;
  LinkStats stats_;
  std::vector<LinkedPair> matches_;
  std::vector<std::uint32_t> clusters_;
  std::vector<bool> rescored_left_;
  bool weighs_rivals_ = false;
  float rival_weight_alone_ = 0;
};

[[nodiscard]] Result<Linkage> LinkRecords(std::span<const PersonRecord> left,
                                          std::span<const PersonRecord> right,
                                          const LinkOptions& options);

// Pairs within one list (left < right) at or above the threshold, and the clusters.
[[nodiscard]] Result<Linkage> DedupeRecords(std::span<const PersonRecord> list,
                                            const LinkOptions& options);

// True when two records hold decisive values that disagree (see clustering.h).
[[nodiscard]] bool RecordsConflict(const ComparisonVector& v);

}  // namespace parley::link
