// parley/handover/handover_event_kind.h — what happened to a person at the crossing point.
//
// Contract: two kinds and their stored names (the `handover_events.event` column, the API's
// and CLI's `event`, the `handover.recorded` ledger event): handed_over (the holding side
// let him go) and received (the other side has him). ParseHandoverEventKind refuses any
// other text (kInvalidInput, field "event") with the message a checkpoint user sees.
//
//   PARLEY_ASSIGN_OR_RETURN(HandoverEventKind k, ParseHandoverEventKind("received"));
//   ToString(k);   // "received"
#pragma once

#include <array>
#include <string_view>

#include "core/error.h"

namespace parley::handover {

enum class HandoverEventKind { kHandedOver, kReceived };

inline constexpr std::array<HandoverEventKind, 2> kHandoverEventKinds = {
    HandoverEventKind::kHandedOver, HandoverEventKind::kReceived};

[[nodiscard]] std::string_view ToString(HandoverEventKind kind);
[[nodiscard]] Result<HandoverEventKind> ParseHandoverEventKind(std::string_view text);

}  // namespace parley::handover
