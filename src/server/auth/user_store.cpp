#include "server/auth/user_store.h"

#include <algorithm>

#include "core/clock.h"
#include "core/try.h"
#include "server/auth/password.h"
#include "server/auth/secret_token.h"
#include "server/auth/session_store.h"
#include "store/users.h"

namespace parley::server {
namespace {

Result<User> FromRow(store::UserRow row) {
  PARLEY_ASSIGN_OR_RETURN(Role role, ParseRole(row.role));
  return User{row.id,
              std::move(row.name),
              role,
              std::move(row.side),
              row.disabled,
              row.version,
              std::move(row.created_at),
              std::move(row.updated_at),
              std::move(row.language)};
}

Result<User> Found(Result<std::optional<store::UserRow>> row, std::string_view what) {
  if (!row) return std::unexpected(std::move(row).error());
  if (!*row) return Fail(ErrorCode::kNotFound, std::string(what));
  return FromRow(std::move(**row));
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

Result<User> AddUser(store::Workspace& ws, const NewUser& user, std::string_view password) {
  PARLEY_TRY(CheckUserName(user.name));
  PARLEY_TRY(CheckRoleSide(user.role, user.side));
  PARLEY_ASSIGN_OR_RETURN(std::string hash, HashPassword(password));
  if (auto r = store::InsertUser(ws, {user.name, hash, RoleName(user.role), user.side, UtcNow()});
      !r) {
    if (r.error().code == ErrorCode::kConflict) {
      return Fail(ErrorCode::kConflict, "a user named '" + user.name + "' already exists",
                  {"", 0, 0, "name"});
    }
    return std::unexpected(r.error());
  }
  return FindUser(ws, user.name);
}

Result<User> FindUser(store::Workspace& ws, std::string_view name) {
  return Found(store::UserNamed(ws, name), "no user named '" + std::string(name) + "'");
}

Result<User> FindUserById(store::Workspace& ws, std::int64_t id) {
  return Found(store::UserWithId(ws, id), "no user with id " + std::to_string(id));
}

Result<std::vector<User>> ListUsers(store::Workspace& ws) {
  PARLEY_ASSIGN_OR_RETURN(std::vector<store::UserRow> rows, store::AllUsers(ws));
  std::vector<User> out;
  out.reserve(rows.size());
  for (store::UserRow& row : rows) {
    PARLEY_ASSIGN_OR_RETURN(User u, FromRow(std::move(row)));
    out.push_back(std::move(u));
  }
  return out;
}

Result<User> UpdateUser(store::Workspace& ws, std::string_view name, std::int64_t expected_version,
                        const UserChange& change) {
  store::Transaction tx(ws);
  PARLEY_TRY(tx.Begin());
  PARLEY_ASSIGN_OR_RETURN(User current, FindUser(ws, name));
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
  // The version was checked above, in this transaction, so the row is still at it.
  PARLEY_ASSIGN_OR_RETURN(
      bool updated,
      store::UpdateUserRow(ws, current.id, expected_version,
                           {RoleName(role), side, change.disabled.value_or(current.disabled),
                            std::move(hash), UtcNow()}));
  if (!updated) return Fail(ErrorCode::kInternal, "user '" + current.name + "' was not updated");
  // Whatever changed (role, side, password, disabled), the user signs in again under it.
  PARLEY_TRY(EndUserSessions(ws, current.id));
  PARLEY_TRY(tx.Commit());
  return FindUser(ws, name);
}

Result<User> CheckPassword(store::Workspace& ws, std::string_view name, std::string_view password) {
  auto refused = [] {
    return Fail(ErrorCode::kInvalidInput, "wrong user name or password", {"", 0, 0, "password"});
  };
  PARLEY_ASSIGN_OR_RETURN(std::optional<store::UserCredentials> credentials,
                          store::CredentialsOf(ws, name));
  if (!credentials) {
    // Spend the same time as a real check so that timing does not reveal which names exist.
    (void)VerifyPassword(
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        password);
    return refused();
  }
  bool ok = VerifyPassword(credentials->password_hash, password) && !credentials->disabled;
  if (!ok) return refused();
  return FindUserById(ws, credentials->id);
}

Result<User> SetLanguage(store::Workspace& ws, std::int64_t user_id, std::string_view language) {
  if (std::find(kInterfaceLanguages.begin(), kInterfaceLanguages.end(), language) ==
      kInterfaceLanguages.end()) {
    std::string accepted;
    for (std::string_view code : kInterfaceLanguages) {
      accepted += (accepted.empty() ? "" : ", ") + std::string(code);
    }
    return Fail(ErrorCode::kInvalidInput,
                "unknown language '" + std::string(language) + "'; use one of " + accepted,
                {"", 0, 0, "language"});
  }
  PARLEY_ASSIGN_OR_RETURN(bool set, store::SetUserLanguage(ws, user_id, language));
  if (!set) return Fail(ErrorCode::kNotFound, "no user with id " + std::to_string(user_id));
  return FindUserById(ws, user_id);
}

Result<IssuedToken> IssueToken(store::Workspace& ws, std::string_view user_name) {
  PARLEY_ASSIGN_OR_RETURN(User u, FindUser(ws, user_name));
  IssuedToken issued{NewSecret("pt_"), {0, UtcNow(), false}};
  PARLEY_ASSIGN_OR_RETURN(
      issued.token.id,
      store::InsertApiToken(ws, u.id, TokenDigest(issued.secret), issued.token.created_at));
  return issued;
}

Result<std::string> CreateToken(store::Workspace& ws, std::string_view user_name) {
  PARLEY_ASSIGN_OR_RETURN(IssuedToken issued, IssueToken(ws, user_name));
  return std::move(issued.secret);
}

Result<std::vector<ApiToken>> ListTokens(store::Workspace& ws, std::string_view user_name) {
  PARLEY_ASSIGN_OR_RETURN(User u, FindUser(ws, user_name));
  return store::ApiTokensOfUser(ws, u.id);
}

Result<ApiToken> RevokeToken(store::Workspace& ws, std::string_view user_name,
                             std::int64_t token_id) {
  store::Transaction tx(ws);
  PARLEY_TRY(tx.Begin());
  PARLEY_ASSIGN_OR_RETURN(User u, FindUser(ws, user_name));
  PARLEY_ASSIGN_OR_RETURN(bool revoked, store::RevokeApiToken(ws, u.id, token_id));
  if (!revoked) {
    return Fail(ErrorCode::kNotFound,
                "user '" + u.name + "' has no API token " + std::to_string(token_id));
  }
  PARLEY_ASSIGN_OR_RETURN(std::vector<ApiToken> tokens, store::ApiTokensOfUser(ws, u.id));
  PARLEY_TRY(tx.Commit());
  for (ApiToken& t : tokens) {
    if (t.id == token_id) return std::move(t);
  }
  return Fail(ErrorCode::kInternal, "API token " + std::to_string(token_id) + " vanished");
}

Result<User> FindUserByToken(store::Workspace& ws, std::string_view token) {
  return Found(store::UserWithTokenDigest(ws, TokenDigest(token)), "unknown or revoked API token");
}

}  // namespace parley::server
