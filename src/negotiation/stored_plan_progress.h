// parley/negotiation/stored_plan_progress.h — a stored plan's handover progress
// (handover/plan_progress.h) with its people read from the stored plan (StoredPlanPeople): one
// join for `parley plan progress`, the API and the plan's paper and workbook.
#pragma once

#include <cstdint>

#include "core/error.h"
#include "handover/plan_progress.h"
#include "store/workspace.h"

namespace parley::negotiation {

[[nodiscard]] Result<handover::PlanProgress> StoredPlanProgress(store::Workspace& ws,
                                                                std::int64_t plan_id);

}  // namespace parley::negotiation
