// parley/handover/handover_events.h — handover events at the crossing point.
//
// Contract: a person record's handover events form an append-only sequence 1, 2, 3, ...
// (handed_over by the holding side, received by the other; phase, place, time, actor).
// AppendHandover takes the number of events the caller has seen: when another checkpoint
// appended meanwhile it is kConflict, so nobody records a handover without having seen the
// previous one. Each event appends a signed `handover.recorded` ledger event (record id,
// seq, event, phase, place, time, actor) in the same transaction, signed for `actor`
// (store/event_log.h). The rows live in store/exchange_events.h; this file owns the rules.
//
//   HandoverEvent e{.event = HandoverEventKind::kHandedOver, .phase = 1,
//                   .place = "Sumy crossing", .at = "2026-05-23T14:05:00Z", .actor = "cp-1"};
//   PARLEY_ASSIGN_OR_RETURN(HandoverEvent saved, AppendHandover(ws, record_id, 0, e, {"cp-1"}));
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.h"
#include "handover/handover_event_kind.h"
#include "store/event_log.h"
#include "store/exchange_events.h"
#include "store/workspace.h"

namespace parley::handover {

struct HandoverEvent {
  std::int64_t record_id = 0;
  std::int64_t seq = 0;
  HandoverEventKind event = HandoverEventKind::kHandedOver;
  std::int64_t phase = 1;
  std::string place;
  std::string at;
  std::string actor;
  std::string recorded_at;
};

[[nodiscard]] Result<std::vector<HandoverEvent>> HandoverEvents(store::Workspace& ws,
                                                                std::int64_t record_id);
// The event must follow from the person's events so far and their interview
// (handover_transitions.h); `planned_phase`, when given, is the phase the plan in force sends
// them in (negotiation/planned_handover.h finds it; every front end goes through there).
[[nodiscard]] Result<HandoverEvent> AppendHandover(store::Workspace& ws, std::int64_t record_id,
                                                   std::int64_t expected_count,
                                                   const HandoverEvent& event,
                                                   const store::Actor& actor,
                                                   std::optional<std::int64_t> planned_phase = {});

// The records with any handover event (handed over or received already).
[[nodiscard]] Result<std::set<std::int64_t>> RecordsWithHandovers(store::Workspace& ws);

// The domain form of a stored row (kInvalidInput for an event the schema would not hold).
[[nodiscard]] Result<HandoverEvent> FromRow(const store::HandoverEventRow& row);

}  // namespace parley::handover
