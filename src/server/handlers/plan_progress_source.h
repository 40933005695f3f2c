// parley/server/handlers/plan_progress_source.h — a stored plan's progress on the handover day
// (handover/plan_progress.h) with its people read from the stored plan
// (negotiation::StoredPlanPeople): the one place that joins the two modules, for
// GET /plans/{plan}/progress and `parley plan progress`.
//
// Contract: kNotFound when there is no plan `plan_id`; the plan's people, interviews and
// handovers are read in one snapshot (handover::LoadPlanProgress).
//
//   PARLEY_ASSIGN_OR_RETURN(handover::PlanProgress p, StoredPlanProgress(ws, plan_id));
#pragma once

#include <cstdint>

#include "core/error.h"
#include "handover/plan_progress.h"
#include "store/workspace.h"

namespace parley::server {

[[nodiscard]] Result<handover::PlanProgress> StoredPlanProgress(store::Workspace& ws,
                                                                std::int64_t plan_id);

}  // namespace parley::server
