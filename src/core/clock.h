// parley/core/clock.h — the one wall clock: "now" as parley stores it, replaceable in tests.
//
// Every stored time (a list version's created_at, an event's time, a session's expiry, a
// decision's decided_at) and the "a date may not lie in the future" check read the wall clock
// here, so a test can fix "now" once and see it everywhere. Durations (timers, rate limits,
// solver time limits) use std::chrono::steady_clock and do not belong here.
//
// Contract: WallNow() is the system clock unless a ScopedClockOverride is alive, then it is
// the override's time. UtcNow() is WallNow() as "YYYY-MM-DDTHH:MM:SSZ" (RFC 3339, UTC, whole
// seconds), so stored times sort as text. The override is process-wide and thread-safe (an
// atomic), meant only for tests: production code never creates one. Overrides do not nest.
//
//   ScopedClockOverride fixed(UtcTime(2026, 5, 23, 10));   // in a test
//   UtcNow();                                      // "2026-05-23T10:00:00Z"
#pragma once

#include <chrono>
#include <string>

namespace parley {

using WallTime = std::chrono::system_clock::time_point;

// The current wall-clock time (or the test override's).
[[nodiscard]] WallTime WallNow();

// `t` as "YYYY-MM-DDTHH:MM:SSZ" (fraction of a second dropped).
[[nodiscard]] std::string FormatUtc(WallTime t);

// WallNow() formatted by FormatUtc: the timestamp every store row and event carries.
[[nodiscard]] std::string UtcNow();

// The wall-clock time of a civil UTC date and time; for tests and fixed clocks.
[[nodiscard]] WallTime UtcTime(int year, int month, int day, int hour = 0, int minute = 0,
                               int second = 0);

// While alive, WallNow() returns `fixed`. For tests only; one at a time.
class ScopedClockOverride {
 public:
  explicit ScopedClockOverride(WallTime fixed);
  ~ScopedClockOverride();
  ScopedClockOverride(const ScopedClockOverride&) = delete;
  ScopedClockOverride& operator=(const ScopedClockOverride&) = delete;
};

}  // namespace parley
