#include "link/clustering.h"

#include <algorithm>
#include <numeric>

namespace parley::link {

std::vector<std::uint32_t> ClusterRecords(std::size_t record_count, std::vector<MatchEdge> edges,
                                          const ConflictTest& conflict,
                                          std::size_t max_cluster_size) {
  std::sort(edges.begin(), edges.end(), [](const MatchEdge& x, const MatchEdge& y) {
    if (x.probability != y.probability) return x.probability > y.probability;
    if (x.a != y.a) return x.a < y.a;
    return x.b < y.b;
  });
  // Each cluster keeps its member list, so a conflict check visits exactly the members.
  std::vector<std::uint32_t> root(record_count);
  std::iota(root.begin(), root.end(), 0u);
  std::vector<std::vector<std::uint32_t>> members(record_count);
  for (std::uint32_t i = 0; i < record_count; ++i) members[i] = {i};

  auto conflicting = [&](const std::vector<std::uint32_t>& x, const std::vector<std::uint32_t>& y) {
    for (std::uint32_t p : x) {
      for (std::uint32_t q : y) {
        if (conflict(p, q)) return true;
      }
    }
    return false;
  };
  for (const MatchEdge& e : edges) {
    std::uint32_t ra = root[e.a];
    std::uint32_t rb = root[e.b];
    if (ra == rb) continue;
    if (members[ra].size() + members[rb].size() > max_cluster_size) continue;
    if (conflicting(members[ra], members[rb])) continue;
    if (members[ra].size() < members[rb].size()) std::swap(ra, rb);
    for (std::uint32_t m : members[rb]) root[m] = ra;
    members[ra].insert(members[ra].end(), members[rb].begin(), members[rb].end());
    members[rb].clear();
    members[rb].shrink_to_fit();
  }
  std::vector<std::uint32_t> cluster(record_count);
  std::vector<std::uint32_t> number(record_count, UINT32_MAX);
  std::uint32_t next = 0;
  for (std::uint32_t i = 0; i < record_count; ++i) {
    std::uint32_t& n = number[root[i]];
    if (n == UINT32_MAX) n = next++;
    cluster[i] = n;
  }
  return cluster;
}

}  // namespace parley::link
