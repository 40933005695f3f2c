// parley/plan/internal/class_model.h — the aggregated integer program behind plan and repair.
//
// A class is a set of candidates the rules cannot tell apart: same side, same category, same
// value, and (for a repair) the same phase in the plan being repaired. The model has one
// integer variable per (class, open phase) — how many of the class go in that phase — and
// is solved exactly by CBC (milp.h), lexicographically: for a plan, (1) the objective, then
// (2) earliness; for a repair, (1) the fewest changed people, then (2) the objective.
// FillClasses then picks the members: the highest-priority ones go, earliest phase first.
//
// Contract: `groups[g].members` are indices into `people`, in priority order (best first).
// Phases 1..executed_phases are closed: nobody is added to or removed from them; the people
// in them are summarised in the input's `fixed_*` fields and no group contains them.
#pragma once

#include <cstdint>
#include <vector>

#include "core/error.h"
#include "plan/plan.h"

namespace parley::plan::internal {

struct ClassGroup {
  Side side = Side::kA;
  int category = -1;
  std::int64_t value = 1;
  int orig_phase = 0;        // repair: the phase these members had (0 = not planned)
  std::vector<int> members;  // indices into the people vector, priority order
};

struct ClassModelInput {
  const rules::Agreement* agreement = nullptr;
  std::vector<ClassGroup> groups;
  int executed_phases = 0;
  bool repair = false;  // minimise changes from orig_phase first
  // What the executed phases already hold, per side (index 0 = a, 1 = b).
  std::int64_t fixed_total[2] = {0, 0};
  std::vector<std::int64_t> fixed_category[2];  // per category index
  std::vector<std::int64_t> fixed_pool_owed;    // per pool: ratio_b*A - ratio_a*B so far
};

struct ClassModelResult {
  std::vector<std::vector<std::int64_t>> count;  // [group][phase], phase 0 = stays
  SolverReport report;
  std::int64_t objective = 0;
  std::int64_t changes = 0;  // repair only
};

// Groups the classified, non-dropped candidates in open phases (or not planned); fills the
// fixed_* summaries from the executed phases. Members are sorted by priority.
[[nodiscard]] ClassModelInput BuildClassModel(const rules::Agreement& agreement,
                                              const std::vector<Candidate>& people,
                                              int executed_phases, bool repair);

[[nodiscard]] Result<ClassModelResult> SolveClassModel(const ClassModelInput& input,
                                                       const PlanOptions& options);

// Sets people[i].phase for every member of every group from the solved counts.
void FillClasses(const ClassModelInput& input, const ClassModelResult& result,
                 std::vector<Candidate>& people);

// Sorts candidate indices by the agreement's priority, then id.
void SortByPriority(const rules::Agreement& agreement, const std::vector<Candidate>& people,
                    std::vector<int>& indices);

}  // namespace parley::plan::internal
