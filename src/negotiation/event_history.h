// parley/negotiation/event_history.h — the events of the node's signed log about one person
// record, one plan or one agreement: what `parley log --record/--plan/--agreement` prints and
// GET /api/v1/records/{id}/events serves (one selection, so both always agree).
//
// About a record: the list versions that created each of its versions (record_versions), every
// event whose body names it as record_id (interviews, handovers), left_record or right_record
// (link.decided), and the events of the plans that include it (plan_people).
// About a plan: its own events and those of its parents and children (proposed, countered,
// accepted, signed, repaired), the whole line of counter-proposals it belongs to.
// About an agreement (by name): agreement.added / agreement.signed of every version and the
// events of the plans negotiated under it.
// About a list (by name): every event whose body names it as list, left_list or right_list
// (its versions submitted, the reconciliation runs and link decisions it took part in).
//
// The log is scanned as bytes and only candidate entries are opened: one signature check per
// event shown, not per event in the log. Each shown event is checked (signature, canonical
// form): a history that is displayed is never one that fails verification.
//
//   PARLEY_ASSIGN_OR_RETURN(auto events, RecordEvents(ws, record_id));
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "ledger/event.h"
#include "store/workspace.h"

namespace parley::negotiation {

struct HistoryEvent {
  std::string leaf;  // the entry as stored, for callers that show its hash
  ledger::SignedEvent event;
};

[[nodiscard]] Result<std::vector<HistoryEvent>> RecordEvents(store::Workspace& ws,
                                                             std::int64_t record_id);
// kNotFound when there is no such plan.
[[nodiscard]] Result<std::vector<HistoryEvent>> PlanEvents(store::Workspace& ws,
                                                           std::int64_t plan_id);
// kNotFound when no agreement has this name.
[[nodiscard]] Result<std::vector<HistoryEvent>> AgreementEvents(store::Workspace& ws,
                                                                const std::string& name);
// kNotFound when there is no list of this name.
[[nodiscard]] Result<std::vector<HistoryEvent>> ListEvents(store::Workspace& ws,
                                                           const std::string& list);

}  // namespace parley::negotiation
