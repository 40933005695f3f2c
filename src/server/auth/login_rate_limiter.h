// parley/server/auth/login_rate_limiter.h — slows password guessing, per user name and client IP.
//
// Contract: after kMaxFailures failed logins for one (user, ip) pair within kWindow, further
// attempts for that pair are refused without checking the password until the window since
// the first counted failure has passed; RetryAfter says how long. A success clears the pair.
// Keyed by the pair (not the user alone) so that an attacker cannot lock a clerk out from
// another address. Thread-safe; the clock is a parameter so tests need not sleep.
//
//   LoginRateLimiter limiter;
//   if (auto wait = limiter.RetryAfter(user, ip, now)) -> 429, Retry-After: *wait
//   ... limiter.RecordFailure(user, ip, now) or limiter.RecordSuccess(user, ip)
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace parley::server {

class LoginRateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr int kMaxFailures = 5;
  static constexpr std::chrono::minutes kWindow{15};
  static constexpr std::size_t kSweepAbove = 10000;

  [[nodiscard]] std::optional<std::chrono::seconds> RetryAfter(const std::string& user,
                                                               const std::string& ip,
                                                               Clock::time_point now);
  void RecordFailure(const std::string& user, const std::string& ip, Clock::time_point now);
  void RecordSuccess(const std::string& user, const std::string& ip);

 private:
  struct Entry {
    int failures = 0;
    Clock::time_point first;
  };
  std::mutex mutex_;
  std::map<std::pair<std::string, std::string>, Entry> entries_;
};

}  // namespace parley::server
