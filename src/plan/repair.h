// parley/plan/repair.h — mend a plan when people drop out, without starting over.
//
// Contract: RepairPlan marks the dropped people (refused at the interview, deceased, not
// presented at the crossing), keeps every phase already carried out exactly as it was, and
// re-plans the remaining phases so that (1) the fewest other people change (added, removed or
// moved to another phase), then (2) the objective is as large as possible, while every rule
// of the agreement holds again. It returns the difference and appends it to the plan's
// repair history. Dropping someone handed over in an executed phase is kConflict: he is on
// the other side already. If no plan can keep every rule, kInvalidInput says why and the
// plan is left unchanged.
//
// Why it is fast: the same aggregated model as the planner (plan.h), with classes split by
// the phase each person had, so a repair of a 40,000-person plan is a small integer program.
//
//   RepairRequest r{.drop = {"a:UA-17"}, .reason = "refused", .executed_phases = 1};
//   Result<RepairRecord> diff = RepairPlan(plan, r);
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "plan/plan.h"

namespace parley::plan {

inline constexpr const char* kDropReasons[] = {"refused", "deceased", "not_presented"};

struct RepairRequest {
  std::vector<std::string> drop;  // "ID", or "a:ID" / "b:ID" when both sides use the id
  std::string reason;             // refused | deceased | not_presented
  int executed_phases = -1;       // phases carried out; -1 = as the plan says
};

[[nodiscard]] Result<RepairRecord> RepairPlan(Plan& plan, const RepairRequest& request,
                                              const PlanOptions& options = {});

// Finds a person by "ID", "a:ID" or "b:ID"; kNotFound / kInvalidInput (ambiguous) otherwise.
[[nodiscard]] Result<size_t> FindPerson(const Plan& plan, std::string_view who);

}  // namespace parley::plan
