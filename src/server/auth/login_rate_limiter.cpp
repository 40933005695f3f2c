#include "server/auth/login_rate_limiter.h"

namespace parley::server {

std::optional<std::chrono::seconds> LoginRateLimiter::RetryAfter(const std::string& user,
                                                                 const std::string& ip,
                                                                 Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find({user, ip});
  if (it == entries_.end()) return std::nullopt;
  if (now - it->second.first >= kWindow) {
    entries_.erase(it);
    return std::nullopt;
  }
  if (it->second.failures < kMaxFailures) return std::nullopt;
  auto left = std::chrono::ceil<std::chrono::seconds>(kWindow - (now - it->second.first));
  return std::max(left, std::chrono::seconds{1});
}

void LoginRateLimiter::RecordFailure(const std::string& user, const std::string& ip,
                                     Clock::time_point now) {
  std::lock_guard lock(mutex_);
  // Guessed user names must not grow the table without bound: drop windows that have passed.
  if (entries_.size() >= kSweepAbove) {
    std::erase_if(entries_, [&](const auto& kv) { return now - kv.second.first >= kWindow; });
  }
  Entry& e = entries_[{user, ip}];
  if (e.failures == 0 || now - e.first >= kWindow) e = Entry{0, now};
  ++e.failures;
}

void LoginRateLimiter::RecordSuccess(const std::string& user, const std::string& ip) {
  std::lock_guard lock(mutex_);
  entries_.erase({user, ip});
}

}  // namespace parley::server
