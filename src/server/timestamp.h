// parley/server/timestamp.h — checking client-sent times against the shape the store writes.
//
// Contract: UtcNow() (core/clock.h) is "YYYY-MM-DDTHH:MM:SSZ"; CheckTimestamp accepts exactly that
// shape (what clients send for an interview's or a handover's time), so stored times sort as text.
#pragma once

#include <string>
#include <string_view>

#include "core/clock.h"  // UtcNow, the one wall clock
#include "core/error.h"

namespace parley::server {

[[nodiscard]] Result<void> CheckTimestamp(std::string_view text, std::string_view field);

}  // namespace parley::server
