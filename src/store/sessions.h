// parley/store/sessions.h — the rows of signed-in browser sessions (table `sessions`).
//
// Contract: a session row is keyed by the SHA-256 digest of its id (the cookie value never
// reaches the store); times are Unix seconds. When a session expires, how often last_used is
// refreshed, and what a new id looks like are the server's decisions (server/auth/session_store.h);
// this file only reads and writes the rows.
//
//   PARLEY_TRY(InsertSession(ws, {digest, user_id, csrf, now, now, now + 12 * 3600}));
//   PARLEY_ASSIGN_OR_RETURN(std::optional<SessionRow> s, SessionWithDigest(ws, digest));
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "store/workspace.h"

namespace parley::store {

struct SessionRow {
  std::string id_sha256;
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::int64_t created_at = 0;
  std::int64_t last_used_at = 0;
  std::int64_t expires_at = 0;
};

[[nodiscard]] Result<void> InsertSession(Workspace& ws, const SessionRow& session);
[[nodiscard]] Result<std::optional<SessionRow>> SessionWithDigest(Workspace& ws,
                                                                  std::string_view id_sha256);
[[nodiscard]] Result<void> TouchSession(Workspace& ws, std::string_view id_sha256,
                                        std::int64_t last_used_at);
// Removes the sessions that expired by `now` or were last used at or before `idle_since`.
[[nodiscard]] Result<void> DeleteStaleSessions(Workspace& ws, std::int64_t now,
                                               std::int64_t idle_since);
[[nodiscard]] Result<void> DeleteSession(Workspace& ws, std::string_view id_sha256);
[[nodiscard]] Result<void> DeleteUserSessions(Workspace& ws, std::int64_t user_id);
// Every row, stale ones not yet removed included.
[[nodiscard]] Result<std::int64_t> SessionRowCount(Workspace& ws);

}  // namespace parley::store
