// parley/report/stored_progress.h — a stored plan's handover progress (handover/plan_progress.h)
// with its people read from the stored plan (negotiation::StoredPlanPeople), for the plan's
// paper and workbook. server/handlers/plan_progress_source.h makes the same join for the API;
// the server sits above this module, so the few lines are kept twice rather than moved.
#pragma once

#include <cstdint>

#include "core/error.h"
#include "handover/plan_progress.h"
#include "store/workspace.h"

namespace parley::report {

[[nodiscard]] Result<handover::PlanProgress> StoredPlanProgress(store::Workspace& ws,
                                                                std::int64_t plan_id);

}  // namespace parley::report
