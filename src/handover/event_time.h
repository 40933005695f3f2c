// parley/handover/event_time.h — the time an interviewer or a checkpoint gives for what
// happened (an interview's or a handover's `at`).
//
// Contract: exactly "YYYY-MM-DDTHH:MM:SSZ" (UTC, the shape the store writes, so stored times
// sort as text); anything else is kInvalidInput naming `field`.
//
//   PARLEY_TRY(CheckEventTime("2026-05-23T14:05:00Z", "at"));
#pragma once

#include <string_view>

#include "core/error.h"

namespace parley::handover {

[[nodiscard]] Result<void> CheckEventTime(std::string_view text, std::string_view field);

}  // namespace parley::handover
