// parley/server/session_store.h — signed-in browser sessions, kept in memory.
//
// Contract: Create returns a fresh random session id and CSRF token; the store keeps only the
// SHA-256 digest of the id, so a memory dump or a log line cannot be replayed as a cookie.
// A session ends at logout, after kIdleTimeout without use, or after kAbsoluteTimeout, and
// all at once when the server restarts (users sign in again: the safe default for a node
// holding registers). Thread-safe.
//
// Why memory and not the database: a session check runs on every request; a map lookup under
// a mutex costs nanoseconds, while a write per request to refresh the idle timer would
// serialise every read behind SQLite's single writer.
//
//   SessionStore sessions;
//   auto created = sessions.Create(user_id);           // set-cookie: created.id
//   auto s = sessions.Find(cookie_value, now);         // nullopt when unknown or expired
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace parley::server {

struct Session {
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::chrono::steady_clock::time_point created;
  std::chrono::steady_clock::time_point last_used;
};

struct NewSession {
  std::string id;  // the cookie value; never stored
  std::string csrf_token;
};

class SessionStore {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::chrono::minutes kIdleTimeout{30};
  static constexpr std::chrono::hours kAbsoluteTimeout{12};

  [[nodiscard]] NewSession Create(std::int64_t user_id, Clock::time_point now = Clock::now());
  [[nodiscard]] std::optional<Session> Find(std::string_view id,
                                            Clock::time_point now = Clock::now());
  void Remove(std::string_view id);
  // Ends every session of a user (password change, user disabled).
  void RemoveUser(std::int64_t user_id);
  // Sessions held, expired ones not yet swept included.
  [[nodiscard]] std::size_t size();

 private:
  static constexpr std::uint64_t kSweepEvery = 256;
  std::mutex mutex_;
  std::unordered_map<std::string, Session> sessions_;  // by digest of the id
  std::uint64_t creations_ = 0;
};

}  // namespace parley::server
