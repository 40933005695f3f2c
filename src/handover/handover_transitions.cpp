#include "handover/handover_transitions.h"

#include <string>

namespace parley::handover {
namespace {

Result<void> Refuse(ErrorCode code, std::string message, const char* field) {
  return Fail(code, std::move(message), {"", 0, 0, field});
}

}  // namespace

Result<void> CheckHandoverTransition(const HandoverFacts& facts, HandoverEventKind next,
                                     std::int64_t phase) {
  if (facts.excluded_by) {
    return Refuse(ErrorCode::kInvalidInput,
                  "the person's interview outcome is '" +
                      std::string(ToString(*facts.excluded_by)) +
                      "', which keeps them out of any exchange (GC III Art. 109): they may not "
                      "be handed over; a new interview with another outcome comes first",
                  "event");
  }
  if (facts.planned_phase && *facts.planned_phase != phase) {
    return Refuse(ErrorCode::kInvalidInput,
                  "the plan in force sends this person in phase " +
                      std::to_string(*facts.planned_phase) + ", not phase " +
                      std::to_string(phase) + ": record the event under phase " +
                      std::to_string(*facts.planned_phase),
                  "phase");
  }
  const bool handed_over = !facts.prior.empty();
  const bool received = facts.prior.size() >= 2;
  if (next == HandoverEventKind::kHandedOver) {
    if (handed_over) {
      return Refuse(ErrorCode::kConflict,
                    received ? "the person was already handed over and received"
                             : "the person was already handed over; the other side records "
                               "'received' next",
                    "event");
    }
    return {};
  }
  if (!handed_over) {
    return Refuse(ErrorCode::kInvalidInput,
                  "the person has not been handed over yet: the holding side records "
                  "'handed_over' first",
                  "event");
  }
  if (received) {
    return Refuse(ErrorCode::kConflict, "the person was already received", "event");
  }
  if (facts.prior.front().phase != phase) {
    return Refuse(ErrorCode::kInvalidInput,
                  "the person was handed over in phase " +
                      std::to_string(facts.prior.front().phase) + ", not phase " +
                      std::to_string(phase) + ": record 'received' under the same phase",
                  "phase");
  }
  return {};
}

}  // namespace parley::handover
