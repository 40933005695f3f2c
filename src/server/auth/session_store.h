// parley/server/auth/session_store.h — signed-in browser sessions, kept in the workspace
// (`sessions`).
//
// Contract: CreateSession returns a fresh random session id and CSRF token; the table keeps
// only the SHA-256 digest of the id (a copy of the database or a log line cannot be replayed
// as a cookie), the user, the CSRF token and the times. A session ends at logout
// (EndSession), after kIdleTimeout without use, after kAbsoluteTimeout, or when its user is
// changed or disabled (EndUserSessions). Sessions survive a restart of the server.
//
// Why the database, and why the idle timer is refreshed lazily: a handover-day console must
// not be signed out by a restart, and a lookup is one primary-key probe. Writing last_used
// on every request would put every read behind SQLite's single writer, so it is written at
// most once per kTouchInterval; the idle timeout is exact to within that interval.
//
// The rows are read and written by store/sessions.h; the timeouts and the ids are decided here.
//
//   NewSession created = CreateSession(ws, user_id);      // set-cookie: created.id
//   auto s = FindSession(ws, cookie_value);                // nullopt when unknown or expired
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "store/workspace.h"

namespace parley::server {

using SessionClock = std::chrono::system_clock;
inline constexpr std::chrono::minutes kIdleTimeout{30};
inline constexpr std::chrono::hours kAbsoluteTimeout{12};
inline constexpr std::chrono::minutes kTouchInterval{1};

struct Session {
  std::int64_t user_id = 0;
  std::string csrf_token;
};

struct NewSession {
  std::string id;  // the cookie value; never stored
  std::string csrf_token;
};

// Also removes expired sessions (signing in is rare; the table stays small).
[[nodiscard]] Result<NewSession> CreateSession(store::Workspace& ws, std::int64_t user_id,
                                               SessionClock::time_point now = SessionClock::now());
// nullopt when the id is unknown, ended or expired (an expired row is removed).
[[nodiscard]] Result<std::optional<Session>> FindSession(
    store::Workspace& ws, std::string_view id, SessionClock::time_point now = SessionClock::now());
[[nodiscard]] Result<void> EndSession(store::Workspace& ws, std::string_view id);
// Ends every session of a user (role, side or password changed, user disabled).
[[nodiscard]] Result<void> EndUserSessions(store::Workspace& ws, std::int64_t user_id);
// Sessions held, expired ones not yet removed included.
[[nodiscard]] Result<std::int64_t> CountSessions(store::Workspace& ws);

}  // namespace parley::server
