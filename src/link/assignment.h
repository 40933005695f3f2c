// parley/link/assignment.h — one-to-one assignment of requests to custody records.
//
// A request names one person and a custody register holds each person once, so when both
// lists are clean, each record should end in at most one pair. Greedy by probability (take the
// most probable remaining pair whose two records are both still free) is what a reviewer does
// by hand, is explainable pair by pair, and differs from the optimal (Hungarian) assignment
// only when a record's two best candidates are close in probability; those pairs go to human
// review anyway. Ties are broken by record indices, so the result is deterministic.
//
//   std::vector<std::size_t> keep = GreedyOneToOne(pairs);  // indices into `pairs`
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
};

// Indices of the kept pairs, in decreasing probability.
[[nodiscard]] std::vector<std::size_t> GreedyOneToOne(std::span<const ScoredLink> pairs);

}  // namespace parley::link
