// parley/handover/handover_transitions.h — what a person's next handover event may be: the
// one place the handover day's state machine is written.
//
// A person at the crossing point goes through, in order:
//   awaiting --handed_over--> handed over --received--> received
// and nothing else: no second handed_over, nothing after received, no received before the
// holding side handed the person over, and the received event in the phase the person was
// handed over in. A person whose interview keeps them out of any exchange (refuses
// repatriation, GC III Art. 109; ExcludesFromExchange) is never handed over. Whether the
// person is in the plan in force, and in which phase, is decided above this module
// (negotiation/planned_handover.h) and passed in as `planned_phase`.
//
// Contract: pure; every refusal is kInvalidInput (kConflict for an event already recorded)
// with field "event" or "phase" and a sentence saying why and what to do.
//
//   HandoverFacts facts{.prior = {}, .excluded_by = std::nullopt, .planned_phase = 1};
//   CheckHandoverTransition(facts, HandoverEventKind::kHandedOver, 1);  // ok
//   CheckHandoverTransition(facts, HandoverEventKind::kReceived, 1);    // refused: not handed over
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/error.h"
#include "handover/handover_event_kind.h"
#include "handover/interview_outcome.h"

namespace parley::handover {

struct PriorHandover {
  HandoverEventKind event = HandoverEventKind::kHandedOver;
  std::int64_t phase = 1;
};

struct HandoverFacts {
  std::vector<PriorHandover> prior;             // the person's events so far, oldest first
  std::optional<InterviewOutcome> excluded_by;  // the interview outcome that excludes them
  std::optional<std::int64_t> planned_phase;    // the plan in force's phase; nullopt: unchecked
};

[[nodiscard]] Result<void> CheckHandoverTransition(const HandoverFacts& facts,
                                                   HandoverEventKind next, std::int64_t phase);

}  // namespace parley::handover
