// parley/link/assignment.h — one-to-one assignment of requests to custody records.
//
// A request names one person and a custody register holds each person once, so when both
// lists are clean, each record should end in at most one pair. MaxWeightOneToOne keeps the set
// of pairs, no record twice, whose total gain is largest: an exact maximum-weight bipartite
// matching. The linker's gain is the pair's match weight (log-odds) above the threshold's, so
// the kept set is the most probable joint explanation of the pairs: one sure pair outweighs two
// doubtful ones, which a count of pairs or a sum of probabilities would not.
//
// How: the pairs split into connected components (records joined by candidate pairs), which
// are tiny in practice (a person and his namesakes); each is solved exactly by the Hungarian
// algorithm on a dense gain matrix, O(n²·m) for an n × m component. Hand-written rather than
// taken from LEMON: forty lines, no new dependency, and the dense per-component form is the
// fast one for components this small. A component too large for a dense matrix (more than
// kMaxExactCells left × right records, e.g. 1000 × 1000) falls back to greedy for that
// component and is counted in AssignmentStats, so the rare approximation is visible.
//
// GreedyOneToOne (most probable free pair first) remains for comparison and tests. Both are
// deterministic: ties are broken by record indices.
//
//   std::vector<std::size_t> keep = MaxWeightOneToOne(pairs);  // indices into `pairs`
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace parley::link {

struct ScoredLink {
  std::uint32_t left = 0;
  std::uint32_t right = 0;
  float probability = 0;
  double gain = 0;  // what keeping the pair is worth (> 0); MaxWeightOneToOne maximises its sum
};

inline constexpr std::size_t kMaxExactCells = 1'000'000;

struct AssignmentStats {
  std::size_t components = 0;
  std::size_t greedy_components = 0;  // too large for the exact method
};

// Indices of the kept pairs, in decreasing probability.
[[nodiscard]] std::vector<std::size_t> GreedyOneToOne(std::span<const ScoredLink> pairs);

// Indices of the kept pairs of a maximum-gain matching, in increasing index order.
[[nodiscard]] std::vector<std::size_t> MaxWeightOneToOne(std::span<const ScoredLink> pairs,
                                                         AssignmentStats* stats = nullptr);

}  // namespace parley::link
