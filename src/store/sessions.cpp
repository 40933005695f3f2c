#include "store/sessions.h"

#include "core/try.h"

namespace parley::store {

Result<void> InsertSession(Workspace& ws, const SessionRow& session) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      ws.db().Prepare("INSERT INTO sessions(id_sha256, user_id, csrf_token, created_at, "
                      "last_used_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)"));
  st.Bind(1, session.id_sha256);
  st.Bind(2, session.user_id);
  st.Bind(3, session.csrf_token);
  st.Bind(4, session.created_at);
  st.Bind(5, session.last_used_at);
  st.Bind(6, session.expires_at);
  return st.Run();
}

Result<std::optional<SessionRow>> SessionWithDigest(Workspace& ws, std::string_view id_sha256) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      ws.db().Prepare("SELECT id_sha256, user_id, csrf_token, created_at, last_used_at, "
                      "expires_at FROM sessions WHERE id_sha256 = ?"));
  st.Bind(1, id_sha256);
  return ReadFirstRow(st, [](const Statement& row) {
    return SessionRow{row.ColumnText(0), row.ColumnInt(1), row.ColumnText(2),
                      row.ColumnInt(3),  row.ColumnInt(4), row.ColumnInt(5)};
  });
}

Result<void> TouchSession(Workspace& ws, std::string_view id_sha256, std::int64_t last_used_at) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st, ws.db().Prepare("UPDATE sessions SET last_used_at = ? WHERE id_sha256 = ?"));
  st.Bind(1, last_used_at);
  st.Bind(2, id_sha256);
  return st.Run();
}

Result<void> DeleteStaleSessions(Workspace& ws, std::int64_t now, std::int64_t idle_since) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      ws.db().Prepare("DELETE FROM sessions WHERE expires_at <= ? OR last_used_at <= ?"));
  st.Bind(1, now);
  st.Bind(2, idle_since);
  return st.Run();
}

Result<void> DeleteSession(Workspace& ws, std::string_view id_sha256) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          ws.db().Prepare("DELETE FROM sessions WHERE id_sha256 = ?"));
  st.Bind(1, id_sha256);
  return st.Run();
}

Result<void> DeleteUserSessions(Workspace& ws, std::int64_t user_id) {
  PARLEY_ASSIGN_OR_RETURN(Statement st, ws.db().Prepare("DELETE FROM sessions WHERE user_id = ?"));
  st.Bind(1, user_id);
  return st.Run();
}

Result<std::int64_t> SessionRowCount(Workspace& ws) {
  PARLEY_ASSIGN_OR_RETURN(auto n, ws.db().QueryInt("SELECT count(*) FROM sessions"));
  return n.value_or(0);
}

}  // namespace parley::store
