// parley/link/clustering.h — grouping duplicate records of one list into persons, without
// chaining two different people together through a third.
//
// Plain connected components over "probably the same" edges are dangerous here: "Шевченко
// Дмитро Іванович 1990" links to "Шевченко Дмитро 1990" (no patronymic), which links to
// "Шевченко Дмитро Петрович 1990", and two namesakes become one person. The rule:
//
//   Edges (pairs with probability ≥ threshold) are taken in order of decreasing probability.
//   Two clusters are merged by an edge only if no record of one *conflicts* with any record of
//   the other. Records conflict when both carry a value of a decisive field and the values
//   disagree: birth dates at level "different", patronymics at level "different", or service
//   numbers at level "different" (all per comparison.h). Merging also stops at
//   max_cluster_size (a list holds a person a few times, not hundreds). The linker's test
//   exempts a pair it scored itself at p ≥ 0.99: its disagreement was weighed already.
//
// This is single-linkage agglomeration with cannot-link constraints: the strongest evidence is
// used first, and weaker edges can never override a conflict already inside a cluster. The
// result does not depend on edge input order (ties broken by record indices).
//
// Cost: O(E log E) for the sort plus |A|·|B| conflict checks per merge, with clusters bounded
// by max_cluster_size.
//
//   std::vector<std::uint32_t> cluster =
//       ClusterRecords(n, edges, [&](uint32_t a, uint32_t b) { return Conflict(a, b); });
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

namespace parley::link {

struct MatchEdge {
  std::uint32_t a = 0;
  std::uint32_t b = 0;
  float probability = 0;
};

using ConflictTest = std::function<bool(std::uint32_t, std::uint32_t)>;

// Cluster id per record, dense and numbered in order of each cluster's first record.
[[nodiscard]] std::vector<std::uint32_t> ClusterRecords(std::size_t record_count,
                                                        std::vector<MatchEdge> edges,
                                                        const ConflictTest& conflict,
                                                        std::size_t max_cluster_size = 64);

}  // namespace parley::link
