#include "server/auth/login_rate_limiter.h"

#include <gtest/gtest.h>

namespace parley::server {
namespace {

using namespace std::chrono_literals;

TEST(LoginRateLimiter, LocksAfterMaxFailuresForThatPairOnly) {
  LoginRateLimiter l;
  auto t = LoginRateLimiter::Clock::now();
  for (int i = 0; i < LoginRateLimiter::kMaxFailures; ++i) {
    EXPECT_FALSE(l.RetryAfter("olena", "10.0.0.1", t).has_value()) << i;
    l.RecordFailure("olena", "10.0.0.1", t);
  }
  auto wait = l.RetryAfter("olena", "10.0.0.1", t + 1min);
  ASSERT_TRUE(wait.has_value());
  EXPECT_EQ(*wait, std::chrono::seconds(14 * 60));
  // Another address, or another user, is not locked out.
  EXPECT_FALSE(l.RetryAfter("olena", "10.0.0.2", t).has_value());
  EXPECT_FALSE(l.RetryAfter("petro", "10.0.0.1", t).has_value());
}

TEST(LoginRateLimiter, WindowExpires) {
  LoginRateLimiter l;
  auto t = LoginRateLimiter::Clock::now();
  for (int i = 0; i < LoginRateLimiter::kMaxFailures; ++i) l.RecordFailure("u", "ip", t);
  EXPECT_TRUE(l.RetryAfter("u", "ip", t + 14min).has_value());
  EXPECT_FALSE(l.RetryAfter("u", "ip", t + 15min).has_value());
}

TEST(LoginRateLimiter, SuccessClears) {
  LoginRateLimiter l;
  auto t = LoginRateLimiter::Clock::now();
  for (int i = 0; i < LoginRateLimiter::kMaxFailures - 1; ++i) l.RecordFailure("u", "ip", t);
  l.RecordSuccess("u", "ip");
  l.RecordFailure("u", "ip", t);
  EXPECT_FALSE(l.RetryAfter("u", "ip", t).has_value());
}

TEST(LoginRateLimiter, GuessedNamesDoNotGrowItForever) {
  LoginRateLimiter l;
  auto t = LoginRateLimiter::Clock::now();
  for (std::size_t i = 0; i < LoginRateLimiter::kSweepAbove; ++i) {
    l.RecordFailure("guess" + std::to_string(i), "ip", t);
  }
  l.RecordFailure("late", "ip", t + 16min);  // sweeps the passed windows
  for (int i = 0; i < LoginRateLimiter::kMaxFailures; ++i) l.RecordFailure("late", "ip", t + 16min);
  EXPECT_TRUE(l.RetryAfter("late", "ip", t + 16min).has_value());
  EXPECT_FALSE(l.RetryAfter("guess1", "ip", t + 16min).has_value());
}

}  // namespace
}  // namespace parley::server
