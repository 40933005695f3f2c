#include "report/act_record.h"

#include "core/try.h"
#include "handover/handover_events.h"
#include "handover/interviews.h"
#include "store/read_snapshot.h"

namespace parley::report {

bool CrossedOver(handover::PersonStatus status) {
  return status == handover::PersonStatus::kHandedOver ||
         status == handover::PersonStatus::kReceived;
}

Result<ActRecord> LoadActRecord(store::Workspace& ws, std::int64_t plan_id, int phase) {
  PARLEY_ASSIGN_OR_RETURN(negotiation::LoadedPlan loaded, negotiation::LoadStoredPlan(ws, plan_id));
  PARLEY_TRY(CheckPhase(loaded.plan.agreement, plan_id, phase));
  ActRecord act{.info = loaded.info, .agreement = loaded.plan.agreement, .phase = phase};
  // Every person's interview and handovers from one state of the workspace.
  store::ReadSnapshot snapshot(ws);
  PARLEY_TRY(snapshot.Begin());
  for (std::size_t i = 0; i < loaded.plan.people.size(); ++i) {
    const plan::Candidate& person = loaded.plan.people[i];
    if (person.phase != phase || !person.dropped.empty()) continue;
    const std::int64_t record_id = loaded.refs[i].record_id;
    PARLEY_ASSIGN_OR_RETURN(auto interview, handover::CurrentInterview(ws, record_id));
    PARLEY_ASSIGN_OR_RETURN(auto events, handover::HandoverEvents(ws, record_id));
    ActPerson row{.from = person.side,
                  .cells = DescribePerson(person, act.agreement),
                  .status = handover::DerivePersonStatus(interview, events)};
    for (const handover::HandoverEvent& e : events) {
      if (act.first_time.empty() || e.at < act.first_time) act.first_time = e.at;
      if (e.at > act.last_time) act.last_time = e.at;
      if (!e.place.empty()) act.places.insert(e.place);
    }
    if (!events.empty()) {
      row.time = events.back().at;
      row.place = events.back().place;
    }
    act.people.push_back(std::move(row));
  }
  return act;
}

}  // namespace parley::report
