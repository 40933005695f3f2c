#include "server/user_store.h"

#include "core/try.h"
#include "server/password.h"
#include "server/secret_token.h"
#include "server/session_store.h"
#include "server/timestamp.h"

namespace parley::server {
namespace {

constexpr const char* kUserColumns =
    "SELECT id, name, role, side, disabled, version, created_at, updated_at FROM users ";

Result<User> ReadUser(const store::Statement& st) {
  User u;
  u.id = st.ColumnInt(0);
  u.name = st.ColumnText(1);
  PARLEY_ASSIGN_OR_RETURN(u.role, ParseRole(st.ColumnText(2)));
  u.side = st.ColumnText(3);
  u.disabled = st.ColumnInt(4) != 0;
  u.version = st.ColumnInt(5);
  u.created_at = st.ColumnText(6);
  u.updated_at = st.ColumnText(7);
  return u;
}

Result<void> CheckUserName(std::string_view name) {
  bool ok = !name.empty() && name.size() <= 64;
  for (char c : name) {
    ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '_' || c == '-' || c == '.');
  }
  if (!ok) {
    return Fail(ErrorCode::kInvalidInput,
                "user name '" + std::string(name) +
                    "' must be 1-64 characters of letters, digits, '.', '_' or '-'",
                {"", 0, 0, "name"});
  }
  return {};
}

}  // namespace

Result<User> AddUser(store::Database& db, const NewUser& user, std::string_view password) {
  PARLEY_TRY(CheckUserName(user.name));
  PARLEY_TRY(CheckRoleSide(user.role, user.side));
  PARLEY_ASSIGN_OR_RETURN(std::string hash, HashPassword(password));
  PARLEY_ASSIGN_OR_RETURN(
      store::Statement st,
      db.Prepare("INSERT INTO users(name, password_hash, role, side, created_at, updated_at) "
                 "VALUES (?, ?, ?, ?, ?, ?)"));
  std::string now = UtcNow();
  st.Bind(1, user.name);
  st.Bind(2, hash);
  st.Bind(3, RoleName(user.role));
  st.Bind(4, user.side);
  st.Bind(5, now);
  st.Bind(6, now);
  if (auto r = st.Run(); !r) {
    if (r.error().code == ErrorCode::kConflict) {
      return Fail(ErrorCode::kConflict, "a user named '" + user.name + "' already exists",
                  {"", 0, 0, "name"});
    }
    return std::unexpected(r.error());
  }
  return FindUser(db, user.name);
}

Result<User> FindUser(store::Database& db, std::string_view name) {
  PARLEY_ASSIGN_OR_RETURN(store::Statement st,
                          db.Prepare(std::string(kUserColumns) + "WHERE name = ?"));
  st.Bind(1, name);
  PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Fail(ErrorCode::kNotFound, "no user named '" + std::string(name) + "'");
  return ReadUser(st);
}

Result<User> FindUserById(store::Database& db, std::int64_t id) {
  PARLEY_ASSIGN_OR_RETURN(store::Statement st,
                          db.Prepare(std::string(kUserColumns) + "WHERE id = ?"));
  st.Bind(1, id);
  PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Fail(ErrorCode::kNotFound, "no user with id " + std::to_string(id));
  return ReadUser(st);
}

Result<std::vector<User>> ListUsers(store::Database& db) {
  PARLEY_ASSIGN_OR_RETURN(store::Statement st,
                          db.Prepare(std::string(kUserColumns) + "ORDER BY name"));
  std::vector<User> out;
  while (true) {
    PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    PARLEY_ASSIGN_OR_RETURN(User u, ReadUser(st));
    out.push_back(std::move(u));
  }
  return out;
}

Result<User> UpdateUser(store::Database& db, std::string_view name, std::int64_t expected_version,
                        const UserChange& change) {
  store::Transaction tx(db);
  PARLEY_TRY(tx.Begin());
  PARLEY_ASSIGN_OR_RETURN(User current, FindUser(db, name));
  if (current.version != expected_version) {
    return Fail(ErrorCode::kConflict,
                "user '" + current.name + "' changed since version " +
                    std::to_string(expected_version) + " (now " + std::to_string(current.version) +
                    "); reload and try again",
                {"", 0, 0, "version"});
  }
  Role role = change.role.value_or(current.role);
  std::string side = change.side.value_or(current.side);
  PARLEY_TRY(CheckRoleSide(role, side));
  std::string hash;
  if (change.password) {
    PARLEY_ASSIGN_OR_RETURN(hash, HashPassword(*change.password));
  }
  PARLEY_ASSIGN_OR_RETURN(
      store::Statement st,
      db.Prepare("UPDATE users SET role = ?, side = ?, disabled = ?, "
                 "password_hash = coalesce(nullif(?, ''), password_hash), "
                 "version = version + 1, updated_at = ? WHERE id = ? AND version = ?"));
  st.Bind(1, RoleName(role));
  st.Bind(2, side);
  st.Bind(3, std::int64_t{change.disabled.value_or(current.disabled) ? 1 : 0});
  st.Bind(4, hash);
  st.Bind(5, UtcNow());
  st.Bind(6, current.id);
  st.Bind(7, expected_version);
  PARLEY_TRY(st.Run());
  // Whatever changed (role, side, password, disabled), the user signs in again under it.
  PARLEY_TRY(EndUserSessions(db, current.id));
  PARLEY_TRY(tx.Commit());
  return FindUser(db, name);
}

Result<User> CheckPassword(store::Database& db, std::string_view name, std::string_view password) {
  auto refused = [] {
    return Fail(ErrorCode::kInvalidInput, "wrong user name or password", {"", 0, 0, "password"});
  };
  PARLEY_ASSIGN_OR_RETURN(
      store::Statement st,
      db.Prepare("SELECT id, password_hash, disabled FROM users WHERE name = ?"));
  st.Bind(1, name);
  PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) {
    // Spend the same time as a real check so that timing does not reveal which names exist.
    (void)VerifyPassword(
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        password);
    return refused();
  }
  std::int64_t id = st.ColumnInt(0);
  bool ok = VerifyPassword(st.ColumnText(1), password) && st.ColumnInt(2) == 0;
  if (!ok) return refused();
  return FindUserById(db, id);
}

Result<std::string> CreateToken(store::Database& db, std::string_view user_name) {
  PARLEY_ASSIGN_OR_RETURN(User u, FindUser(db, user_name));
  std::string token = NewSecret("pt_");
  PARLEY_ASSIGN_OR_RETURN(
      store::Statement st,
      db.Prepare("INSERT INTO api_tokens(user_id, token_sha256, created_at) VALUES (?, ?, ?)"));
  st.Bind(1, u.id);
  st.Bind(2, TokenDigest(token));
  st.Bind(3, UtcNow());
  PARLEY_TRY(st.Run());
  return token;
}

Result<User> FindUserByToken(store::Database& db, std::string_view token) {
  // One statement: this runs on every request a script makes.
  PARLEY_ASSIGN_OR_RETURN(
      store::Statement st,
      db.Prepare("SELECT u.id, u.name, u.role, u.side, u.disabled, u.version, u.created_at, "
                 "u.updated_at FROM api_tokens t JOIN users u ON u.id = t.user_id "
                 "WHERE t.token_sha256 = ? AND t.revoked = 0 AND u.disabled = 0"));
  st.Bind(1, TokenDigest(token));
  PARLEY_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Fail(ErrorCode::kNotFound, "unknown or revoked API token");
  return ReadUser(st);
}

}  // namespace parley::server
