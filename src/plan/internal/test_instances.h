// parley/plan/internal/test_instances.h — random small instances and reference solvers for tests.
//
// Used only by the plan module's tests (compiled into parley_plan_tests). RandomInstance
// writes a random agreement as TOML (so the parser is exercised too) and random candidates;
// ExhaustiveBest tries every assignment of every person to a phase or to staying, keeping
// those CheckAssignment accepts; PerPersonMilpBest is the textbook model with one binary per
// person and phase, solved by CBC. Both are the differential oracles of the planner.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "plan/plan.h"

namespace parley::plan::internal {

struct Instance {
  std::string toml;
  rules::Agreement agreement;
  std::vector<PersonRecord> a;
  std::vector<PersonRecord> b;
};

// Deterministic in `seed`. `per_side` candidates a side, up to `max_phases` phases.
[[nodiscard]] Instance RandomInstance(std::uint64_t seed, int per_side, int max_phases);

struct Reference {
  std::int64_t objective = 0;
  std::int64_t changes = 0;  // repair only
};

// Best objective over every assignment; nullopt when no assignment keeps every rule.
[[nodiscard]] std::optional<Reference> ExhaustiveBest(const rules::Agreement& agreement,
                                                      std::vector<Candidate> people);

// Fewest changes, then best objective, over every repair of `original` that keeps phases
// 1..executed and the dropped people (dropped non-empty) out.
[[nodiscard]] std::optional<Reference> ExhaustiveRepair(const rules::Agreement& agreement,
                                                        const std::vector<Candidate>& original,
                                                        std::vector<Candidate> dropped_marked,
                                                        int executed);

// The per-person MILP optimum; nullopt when infeasible.
[[nodiscard]] std::optional<std::int64_t> PerPersonMilpBest(const rules::Agreement& agreement,
                                                            const std::vector<Candidate>& people);

}  // namespace parley::plan::internal
