#include "server/session_store.h"

#include "core/try.h"
#include "server/secret_token.h"

namespace parley::server {
namespace {

std::int64_t Seconds(SessionClock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

constexpr std::int64_t kIdleSeconds = std::chrono::seconds(kIdleTimeout).count();

}  // namespace

Result<NewSession> CreateSession(store::Database& db, std::int64_t user_id,
                                 SessionClock::time_point now) {
  NewSession out{NewSecret("ps_"), NewSecret("")};
  const std::int64_t t = Seconds(now);
  store::Transaction tx(db);
  PARLEY_TRY(tx.Begin());
  PARLEY_ASSIGN_OR_RETURN(
      store::Statement sweep,
      db.Prepare("DELETE FROM sessions WHERE expires_at <= ? OR last_used_at <= ?"));
  sweep.Bind(1, t);
  sweep.Bind(2, t - kIdleSeconds);
  PARLEY_TRY(sweep.Run());
  PARLEY_ASSIGN_OR_RETURN(
      store::Statement st,
      db.Prepare("INSERT INTO sessions(id_sha256, user_id, csrf_token, created_at, "
                 "last_used_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)"));
  st.Bind(1, TokenDigest(out.id));
  st.Bind(2, user_id);
  st.Bind(3, out.csrf_token);
  st.Bind(4, t);
  st.Bind(5, t);
  st.Bind(6, t + std::chrono::seconds(kAbsoluteTimeout).count());
  PARLEY_TRY(st.Run());
  PARLEY_TRY(tx.Commit());
  return out;
}

Result<std::optional<Session>> FindSession(store::Database& db, std::string_view id,
                                           SessionClock::time_point now) {
  if (id.empty()) return std::optional<Session>{};
  const std::string digest = TokenDigest(id);
  const std::int64_t t = Seconds(now);
  PARLEY_ASSIGN_OR_RETURN(
      store::Statement st,
      db.Prepare("SELECT user_id, csrf_token, last_used_at, expires_at FROM sessions "
                 "WHERE id_sha256 = ?"));
  st.Bind(1, digest);
  PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<Session>{};
  Session s{st.ColumnInt(0), st.ColumnText(1)};
  const std::int64_t last_used = st.ColumnInt(2);
  const std::int64_t expires = st.ColumnInt(3);
  st.Reset();
  if (t >= expires || t - last_used >= kIdleSeconds) {
    PARLEY_TRY(EndSession(db, id));
    return std::optional<Session>{};
  }
  if (t - last_used >= std::chrono::seconds(kTouchInterval).count()) {
    PARLEY_ASSIGN_OR_RETURN(store::Statement touch,
                            db.Prepare("UPDATE sessions SET last_used_at = ? WHERE id_sha256 = ?"));
    touch.Bind(1, t);
    touch.Bind(2, digest);
    PARLEY_TRY(touch.Run());
  }
  return std::optional<Session>{std::move(s)};
}

Result<void> EndSession(store::Database& db, std::string_view id) {
  PARLEY_ASSIGN_OR_RETURN(store::Statement st,
                          db.Prepare("DELETE FROM sessions WHERE id_sha256 = ?"));
  st.Bind(1, TokenDigest(id));
  return st.Run();
}

Result<void> EndUserSessions(store::Database& db, std::int64_t user_id) {
  PARLEY_ASSIGN_OR_RETURN(store::Statement st,
                          db.Prepare("DELETE FROM sessions WHERE user_id = ?"));
  st.Bind(1, user_id);
  return st.Run();
}

Result<std::int64_t> CountSessions(store::Database& db) {
  PARLEY_ASSIGN_OR_RETURN(auto n, db.QueryInt("SELECT count(*) FROM sessions"));
  return n.value_or(0);
}

}  // namespace parley::server
