// parley/plan/explain.h — why a person is in the plan, or why not, in a sentence.
//
// Contract: ExplainPerson recomputes the person's standing from the plan's agreement and
// records (never from stored text) and gives one verdict plus supporting details:
//   "goes in phase 1, outside the ratio: Seriously wounded and sick (GC III Art. 109)"
//   "excluded by rule 'refused': declined repatriation at the private ICRC interview"
//   "eligible, but priority below the last admitted in category 'soldiers' (UA-0412)"
//   "balance exhausted in phase 2: pool 'main' ..."
//   "not eligible: fits no category" with, per category, the first condition that fails.
//
// Why recomputed: a plan file can be edited by hand or repaired; an explanation derived from
// the records, the agreement and the current phases can never disagree with what
// `plan check` would say. Ranking one class costs one sort, so explaining is cheap.
//
//   Result<Explanation> e = ExplainPerson(plan, "a:UA-0017");
//   std::cout << FormatExplanation(*e);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "plan/plan.h"

namespace parley::plan {

struct Explanation {
  std::string side;
  std::string id;
  int phase = 0;
  std::string verdict;
  std::vector<std::string> details;
};

[[nodiscard]] Result<Explanation> ExplainPerson(const Plan& plan, std::string_view person);
[[nodiscard]] std::string FormatExplanation(const Explanation& e);

}  // namespace parley::plan
