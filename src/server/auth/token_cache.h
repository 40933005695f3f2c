// parley/server/auth/token_cache.h — API tokens checked in the last few seconds.
//
// Contract: Find returns the principal a token authenticated less than kTtl ago (nullopt
// otherwise); Put records a successful lookup; Clear forgets every entry. Entries are keyed
// by the token's SHA-256 digest, as in the database. The API clears the cache whenever it
// changes a user (role, side, password, disabled), so such a change takes effect on the next
// request; a change made outside this server (another process on the same workspace) takes
// effect within kTtl. Thread-safe.
//
// Why: a script's every request authenticates its token; the lookup (a join of api_tokens
// and users) was one of the costs of a record read. Only successes are kept, and at most
// kMaxEntries, so unknown tokens cannot grow it.
//
// A lookup that began before a Clear() and ends after it must not put back what it read:
// Put takes the generation read before the lookup and ignores the entry if it changed.
//
//   TokenCache cache;
//   if (auto who = cache.Find(digest)) ...;
//   else { auto gen = cache.Generation(); lookup; cache.Put(digest, who, gen); }
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "server/auth/principal.h"

namespace parley::server {

class TokenCache {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::chrono::seconds kTtl{5};
  static constexpr std::size_t kMaxEntries = 4096;

  [[nodiscard]] std::optional<Principal> Find(const std::string& digest,
                                              Clock::time_point now = Clock::now());
  [[nodiscard]] std::uint64_t Generation();
  void Put(const std::string& digest, const Principal& who, std::uint64_t generation,
           Clock::time_point now = Clock::now());
  void Clear();

 private:
  struct Entry {
    Principal who;
    Clock::time_point checked;
  };
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::uint64_t generation_ = 0;
};

}  // namespace parley::server
