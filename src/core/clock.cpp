#include "core/clock.h"

#include <atomic>
#include <cstdint>
#include <ctime>

namespace parley {
namespace {

// Nanoseconds since the epoch of the fixed time, or kNoOverride. An atomic rather than a
// mutex: WallNow() sits on every store write and must stay cheap.
constexpr std::int64_t kNoOverride = INT64_MIN;
std::atomic<std::int64_t> g_override{kNoOverride};

}  // namespace

WallTime WallNow() {
  const std::int64_t fixed = g_override.load(std::memory_order_acquire);
  if (fixed == kNoOverride) return std::chrono::system_clock::now();
  return WallTime(std::chrono::duration_cast<WallTime::duration>(std::chrono::nanoseconds(fixed)));
}

std::string FormatUtc(WallTime t) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::string UtcNow() { return FormatUtc(WallNow()); }

WallTime UtcTime(int year, int month, int day, int hour, int minute, int second) {
  using namespace std::chrono;
  const sys_days date{std::chrono::year{year} / std::chrono::month{static_cast<unsigned>(month)} /
                      std::chrono::day{static_cast<unsigned>(day)}};
  return WallTime(date + hours{hour} + minutes{minute} + seconds{second});
}

ScopedClockOverride::ScopedClockOverride(WallTime fixed) {
  const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(fixed.time_since_epoch());
  g_override.store(ns.count(), std::memory_order_release);
}

ScopedClockOverride::~ScopedClockOverride() {
  g_override.store(kNoOverride, std::memory_order_release);
}

}  // namespace parley
