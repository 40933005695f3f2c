// parley/negotiation/planned_handover.h — recording a handover event as the plan in force
// allows: the one path the CLI and the API take to the handover day's log.
//
// A person may be handed over only when a signed plan sends them (a custody record of the
// side handing over, not dropped by a repair), and only in the phase that plan gives them.
// The order of events and the interview are checked below (handover/handover_transitions.h).
// When several signed plans hold the person, the newest one is in force for them.
//
// Contract: every refusal says why and changes nothing (no row, no ledger event).
//
//   PARLEY_ASSIGN_OR_RETURN(handover::HandoverEvent saved,
//                           RecordPlannedHandover(ws, record_id, expected_count, event, actor));
#pragma once

#include <cstdint>

#include "core/error.h"
#include "handover/handover_events.h"
#include "store/event_log.h"
#include "store/workspace.h"

namespace parley::negotiation {

// The phase the plan in force sends the record in; kInvalidInput saying why when none does.
[[nodiscard]] Result<std::int64_t> PlannedHandoverPhase(store::Workspace& ws,
                                                        std::int64_t record_id);

[[nodiscard]] Result<handover::HandoverEvent> RecordPlannedHandover(
    store::Workspace& ws, std::int64_t record_id, std::int64_t expected_count,
    const handover::HandoverEvent& event, const store::Actor& actor);

}  // namespace parley::negotiation
