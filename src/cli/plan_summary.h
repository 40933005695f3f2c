// parley/cli/plan_summary.h — how `parley plan` prints a plan: the balance after each phase,
// in words and as JSON. Shared by the stateless (file) and the workspace forms.
#pragma once

#include <nlohmann/json.hpp>

#include "plan/plan.h"

namespace parley::cli {

[[nodiscard]] nlohmann::ordered_json PlanSummaryJson(const plan::Plan& p);
void PrintPlanSummary(const plan::Plan& p);

}  // namespace parley::cli
