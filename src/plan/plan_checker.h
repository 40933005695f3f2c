// parley/plan/plan_checker.h — every rule a plan breaks, checked independently of the planner.
//
// Contract: CheckAssignment re-derives each person's eligibility, category and value from
// his record and the agreement (it never trusts what a plan file says about them), then
// checks every rule and returns one Violation per broken rule instance: phase out of range,
// the same id twice on a side, a dropped person still planned, an excluded or ineligible
// person planned, a category sent in a phase it does not allow, someone of an outside or
// all-for-all category left behind, a phase cap, a category cap, the required total, and each
// pool's balance after each phase. An empty result means the plan keeps every rule.
//
// Why separate from the planner: it is the oracle of the property tests (every plan the
// planner or a repair makes must pass) and the engine of `parley plan check` for plans edited
// by hand, so it shares no code with the model it verifies beyond the rules' own semantics.
//
//   for (const Violation& v : CheckAssignment(plan.agreement, plan.people))
//     std::cout << v.rule << ": " << v.message << "\n";
#pragma once

#include <string>
#include <vector>

#include "plan/plan.h"

namespace parley::plan {

struct Violation {
  std::string rule;  // phase_range, duplicate_id, dropped, eligibility, category_phase,
                     // all_for_all, phase_cap, category_cap, required_total, balance
  std::string message;
  std::string side;  // "a", "b" or "" when the rule is not about one side
  std::string id;    // the person, when the rule is about one
  int phase = 0;
};

// With `reclassify` false the stored Candidate::rule is trusted (repair uses this for its
// own post-condition after classifying the same records moments earlier).
[[nodiscard]] std::vector<Violation> CheckAssignment(const rules::Agreement& agreement,
                                                     const std::vector<Candidate>& people,
                                                     bool reclassify = true);

}  // namespace parley::plan
