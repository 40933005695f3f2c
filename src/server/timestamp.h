// parley/server/timestamp.h — wall-clock times as the store writes them (UTC, RFC 3339).
//
// Contract: UtcNow() is "YYYY-MM-DDTHH:MM:SSZ"; CheckTimestamp accepts exactly that shape
// (what clients send for an interview's or a handover's time), so stored times sort as text.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace parley::server {

[[nodiscard]] std::string UtcNow();
[[nodiscard]] Result<void> CheckTimestamp(std::string_view text, std::string_view field);

}  // namespace parley::server
