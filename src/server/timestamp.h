// parley/server/timestamp.h — wall-clock times as the store writes them (UTC, RFC 3339).
//
// Contract: UtcNow() is "YYYY-MM-DDTHH:MM:SSZ", the shape handover::CheckEventTime accepts
// (handover/event_time.h), so stored times sort as text.
#pragma once

#include <string>

namespace parley::server {

[[nodiscard]] std::string UtcNow();

}  // namespace parley::server
