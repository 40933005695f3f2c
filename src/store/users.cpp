#include "store/users.h"

#include "core/try.h"

namespace parley::store {
namespace {

constexpr std::string_view kUserColumns =
    "SELECT id, name, role, side, disabled, version, created_at, updated_at, language FROM users ";

UserRow ReadUser(const Statement& st) {
  return UserRow{st.ColumnInt(0),
                 st.ColumnText(1),
                 st.ColumnText(2),
                 st.ColumnText(3),
                 st.ColumnInt(4) != 0,
                 st.ColumnInt(5),
                 st.ColumnText(6),
                 st.ColumnText(7),
                 st.ColumnIsNull(8) ? std::nullopt : std::optional<std::string>(st.ColumnText(8))};
}

}  // namespace

Result<void> InsertUser(Workspace& ws, const NewUserRow& user) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      ws.db().Prepare("INSERT INTO users(name, password_hash, role, side, created_at, updated_at) "
                      "VALUES (?, ?, ?, ?, ?, ?)"));
  st.Bind(1, user.name);
  st.Bind(2, user.password_hash);
  st.Bind(3, user.role);
  st.Bind(4, user.side);
  st.Bind(5, user.created_at);
  st.Bind(6, user.created_at);
  return st.Run();
}

Result<std::optional<UserRow>> UserNamed(Workspace& ws, std::string_view name) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          ws.db().Prepare(std::string(kUserColumns) + "WHERE name = ?"));
  st.Bind(1, name);
  return ReadFirstRow(st, ReadUser);
}

Result<std::optional<UserRow>> UserWithId(Workspace& ws, std::int64_t id) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          ws.db().Prepare(std::string(kUserColumns) + "WHERE id = ?"));
  st.Bind(1, id);
  return ReadFirstRow(st, ReadUser);
}

Result<std::vector<UserRow>> AllUsers(Workspace& ws) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          ws.db().Prepare(std::string(kUserColumns) + "ORDER BY name"));
  return ReadRows(st, ReadUser);
}

Result<bool> UpdateUserRow(Workspace& ws, std::int64_t id, std::int64_t expected_version,
                           const UserRowUpdate& update) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      ws.db().Prepare("UPDATE users SET role = ?, side = ?, disabled = ?, "
                      "password_hash = coalesce(nullif(?, ''), password_hash), "
                      "version = version + 1, updated_at = ? WHERE id = ? AND version = ?"));
  st.Bind(1, update.role);
  st.Bind(2, update.side);
  st.Bind(3, std::int64_t{update.disabled ? 1 : 0});
  st.Bind(4, update.password_hash);
  st.Bind(5, update.updated_at);
  st.Bind(6, id);
  st.Bind(7, expected_version);
  PARLEY_TRY(st.Run());
  return sqlite3_changes(ws.db().handle()) > 0;
}

Result<bool> SetUserLanguage(Workspace& ws, std::int64_t id, std::string_view language) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          ws.db().Prepare("UPDATE users SET language = ? WHERE id = ?"));
  st.Bind(1, language);
  st.Bind(2, id);
  PARLEY_TRY(st.Run());
  return sqlite3_changes(ws.db().handle()) > 0;
}

Result<std::optional<UserCredentials>> CredentialsOf(Workspace& ws, std::string_view name) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      ws.db().Prepare("SELECT id, password_hash, disabled FROM users WHERE name = ?"));
  st.Bind(1, name);
  return ReadFirstRow(st, [](const Statement& row) {
    return UserCredentials{row.ColumnInt(0), row.ColumnText(1), row.ColumnInt(2) != 0};
  });
}

Result<std::int64_t> InsertApiToken(Workspace& ws, std::int64_t user_id,
                                    std::string_view token_sha256, std::string_view created_at) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      ws.db().Prepare(
          "INSERT INTO api_tokens(user_id, token_sha256, created_at) VALUES (?, ?, ?)"));
  st.Bind(1, user_id);
  st.Bind(2, token_sha256);
  st.Bind(3, created_at);
  PARLEY_TRY(st.Run());
  return ws.db().LastInsertId();
}

Result<std::vector<ApiTokenRow>> ApiTokensOfUser(Workspace& ws, std::int64_t user_id) {
  PARLEY_ASSIGN_OR_RETURN(Statement st,
                          ws.db().Prepare("SELECT id, created_at, revoked FROM api_tokens "
                                          "WHERE user_id = ? ORDER BY id DESC"));
  st.Bind(1, user_id);
  return ReadRows(st, [](const Statement& row) {
    return ApiTokenRow{row.ColumnInt(0), row.ColumnText(1), row.ColumnInt(2) != 0};
  });
}

Result<bool> RevokeApiToken(Workspace& ws, std::int64_t user_id, std::int64_t token_id) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      ws.db().Prepare("UPDATE api_tokens SET revoked = 1 WHERE id = ? AND user_id = ?"));
  st.Bind(1, token_id);
  st.Bind(2, user_id);
  PARLEY_TRY(st.Run());
  return sqlite3_changes(ws.db().handle()) > 0;
}

Result<std::optional<UserRow>> UserWithTokenDigest(Workspace& ws, std::string_view token_sha256) {
  PARLEY_ASSIGN_OR_RETURN(
      Statement st,
      ws.db().Prepare("SELECT u.id, u.name, u.role, u.side, u.disabled, u.version, u.created_at, "
                      "u.updated_at, u.language FROM api_tokens t JOIN users u ON u.id = t.user_id "
                      "WHERE t.token_sha256 = ? AND t.revoked = 0 AND u.disabled = 0"));
  st.Bind(1, token_sha256);
  return ReadFirstRow(st, ReadUser);
}

}  // namespace parley::store
