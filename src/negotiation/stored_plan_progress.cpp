#include "negotiation/stored_plan_progress.h"

#include "core/try.h"
#include "negotiation/plan_store.h"

namespace parley::negotiation {

Result<handover::PlanProgress> StoredPlanProgress(store::Workspace& ws, std::int64_t plan_id) {
  return handover::LoadPlanProgress(
      ws, plan_id, [&]() -> Result<std::vector<handover::PlannedPerson>> {
        PARLEY_ASSIGN_OR_RETURN(auto people, StoredPlanPeople(ws, plan_id));
        std::vector<handover::PlannedPerson> out;
        out.reserve(people.size());
        for (PlannedPerson& p : people) {
          out.push_back({p.side, std::move(p.id), p.phase, std::move(p.dropped), p.record_id});
        }
        return out;
      });
}

}  // namespace parley::negotiation
