#include "server/auth/session_store.h"

#include "core/try.h"
#include "server/auth/secret_token.h"
#include "store/sessions.h"

namespace parley::server {
namespace {

std::int64_t Seconds(SessionClock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

constexpr std::int64_t kIdleSeconds = std::chrono::seconds(kIdleTimeout).count();

}  // namespace

Result<NewSession> CreateSession(store::Workspace& ws, std::int64_t user_id,
                                 SessionClock::time_point now) {
  NewSession out{NewSecret("ps_"), NewSecret("")};
  const std::int64_t t = Seconds(now);
  store::Transaction tx(ws);
  PARLEY_TRY(tx.Begin());
  PARLEY_TRY(store::DeleteStaleSessions(ws, t, t - kIdleSeconds));
  PARLEY_TRY(store::InsertSession(ws, {TokenDigest(out.id), user_id, out.csrf_token, t, t,
                                       t + std::chrono::seconds(kAbsoluteTimeout).count()}));
  PARLEY_TRY(tx.Commit());
  return out;
}

Result<std::optional<Session>> FindSession(store::Workspace& ws, std::string_view id,
                                           SessionClock::time_point now) {
  if (id.empty()) return std::optional<Session>{};
  const std::string digest = TokenDigest(id);
  const std::int64_t t = Seconds(now);
  PARLEY_ASSIGN_OR_RETURN(std::optional<store::SessionRow> row,
                          store::SessionWithDigest(ws, digest));
  if (!row) return std::optional<Session>{};
  if (t >= row->expires_at || t - row->last_used_at >= kIdleSeconds) {
    PARLEY_TRY(store::DeleteSession(ws, digest));
    return std::optional<Session>{};
  }
  if (t - row->last_used_at >= std::chrono::seconds(kTouchInterval).count()) {
    PARLEY_TRY(store::TouchSession(ws, digest, t));
  }
  return std::optional<Session>{Session{row->user_id, std::move(row->csrf_token)}};
}

Result<void> EndSession(store::Workspace& ws, std::string_view id) {
  return store::DeleteSession(ws, TokenDigest(id));
}

Result<void> EndUserSessions(store::Workspace& ws, std::int64_t user_id) {
  return store::DeleteUserSessions(ws, user_id);
}

Result<std::int64_t> CountSessions(store::Workspace& ws) { return store::SessionRowCount(ws); }

}  // namespace parley::server
