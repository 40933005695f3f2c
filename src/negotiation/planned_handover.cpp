#include "negotiation/planned_handover.h"

#include <string>

#include "core/try.h"
#include "negotiation/plan_store.h"

namespace parley::negotiation {

Result<std::int64_t> PlannedHandoverPhase(store::Workspace& ws, std::int64_t record_id) {
  PARLEY_ASSIGN_OR_RETURN(std::vector<StoredPlanInfo> plans, ListPlans(ws));
  const std::string who = "record " + std::to_string(record_id);
  std::string left_out;  // why a signed plan holding the record does not send it
  for (auto plan = plans.rbegin(); plan != plans.rend(); ++plan) {
    if (plan->state != PlanState::kSigned) continue;
    PARLEY_ASSIGN_OR_RETURN(std::vector<PlannedPerson> people, StoredPlanPeople(ws, plan->id));
    for (const PlannedPerson& p : people) {
      if (p.record_id != record_id) continue;
      if (!p.dropped.empty()) {
        left_out = who + " was dropped from plan " + std::to_string(plan->id) + " by a repair (" +
                   p.dropped + ")";
      } else if (p.phase == 0) {
        left_out = who + " is in plan " + std::to_string(plan->id) + " but not handed over in it";
      } else {
        return p.phase;
      }
    }
    if (!left_out.empty()) break;  // the newest signed plan holding the person decides
  }
  if (left_out.empty()) {
    left_out = who +
               " is in no signed plan: only the people a plan signed by both sides sends "
               "can be handed over (a request record never is; use the custody record "
               "it is linked to)";
  }
  return Fail(ErrorCode::kInvalidInput, left_out + "; nothing was recorded", {"", 0, 0, "record"});
}

Result<handover::HandoverEvent> RecordPlannedHandover(store::Workspace& ws, std::int64_t record_id,
                                                      std::int64_t expected_count,
                                                      const handover::HandoverEvent& event,
                                                      const store::Actor& actor) {
  PARLEY_ASSIGN_OR_RETURN(std::int64_t phase, PlannedHandoverPhase(ws, record_id));
  return handover::AppendHandover(ws, record_id, expected_count, event, actor, phase);
}

}  // namespace parley::negotiation
