// parley/server/auth/user_store.h — the workspace's users and their API tokens (table `users`).
//
// Contract: a user has a unique name, an Argon2id password hash, one role and one side.
// Every change to a user goes through UpdateUser with the version the caller last read; a
// stale version is kConflict (HTTP 409) and changes nothing. API tokens are stored only as
// SHA-256 digests; the secret is returned once by CreateToken (IssueToken), and afterwards a
// token is known only by its id, creation time and whether it was revoked (ListTokens).
//
// Why free functions over a Workspace&: the server holds one connection per worker thread
// (workspace_pool.h) and the CLI opens its own; neither should own the other's connection.
// The rows themselves are read and written by store/users.h; this file holds the rules.
//
//   PARLEY_ASSIGN_OR_RETURN(User u, AddUser(ws, {"olena", Role::kClerk, "ua"}, password));
//   PARLEY_ASSIGN_OR_RETURN(std::string token, CreateToken(ws, "olena"));
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "server/auth/roles.h"
#include "store/users.h"
#include "store/workspace.h"

namespace parley::server {

struct User {
  std::int64_t id = 0;
  std::string name;
  Role role = Role::kObserver;
  std::string side;
  bool disabled = false;
  std::int64_t version = 1;
  std::string created_at;
  std::string updated_at;
  std::optional<std::string> language;  // one of kInterfaceLanguages; nullopt: not chosen yet
};

// The languages of the interface a user may choose.
inline constexpr std::array<std::string_view, 4> kInterfaceLanguages = {"uk", "ru", "en", "tr"};

struct NewUser {
  std::string name;
  Role role = Role::kObserver;
  std::string side;
};

// Only the fields present change.
struct UserChange {
  std::optional<Role> role;
  std::optional<std::string> side;
  std::optional<bool> disabled;
  std::optional<std::string> password;
};

[[nodiscard]] Result<User> AddUser(store::Workspace& ws, const NewUser& user,
                                   std::string_view password);
[[nodiscard]] Result<User> FindUser(store::Workspace& ws, std::string_view name);
[[nodiscard]] Result<User> FindUserById(store::Workspace& ws, std::int64_t id);
[[nodiscard]] Result<std::vector<User>> ListUsers(store::Workspace& ws);
// kConflict when `expected_version` is not the stored one. Ends the user's sessions
// (session_store.h) in the same transaction.
[[nodiscard]] Result<User> UpdateUser(store::Workspace& ws, std::string_view name,
                                      std::int64_t expected_version, const UserChange& change);
// The user when name and password match an enabled user; kInvalidInput otherwise, with the
// same message whether the name or the password was wrong.
[[nodiscard]] Result<User> CheckPassword(store::Workspace& ws, std::string_view name,
                                         std::string_view password);

// Sets the interface language of the user with this id: one of kInterfaceLanguages, else
// kInvalidInput naming the field `language` and the accepted codes. Any user may choose their
// own; it is not a change of the account (no new version, sessions and tokens stay).
[[nodiscard]] Result<User> SetLanguage(store::Workspace& ws, std::int64_t user_id,
                                       std::string_view language);

// A token as listed: id, created_at, revoked; never its secret or digest.
using ApiToken = store::ApiTokenRow;

// A new token: its secret (shown once, stored nowhere) and what the store keeps of it.
struct IssuedToken {
  std::string secret;
  ApiToken token;
};

[[nodiscard]] Result<IssuedToken> IssueToken(store::Workspace& ws, std::string_view user_name);
// IssueToken's secret alone (the CLI's `parley user token`).
[[nodiscard]] Result<std::string> CreateToken(store::Workspace& ws, std::string_view user_name);
// The user's tokens, newest first; kNotFound for an unknown user.
[[nodiscard]] Result<std::vector<ApiToken>> ListTokens(store::Workspace& ws,
                                                       std::string_view user_name);
// Revokes the user's token `token_id` (revoking it again changes nothing); kNotFound when the
// user has no such token. The caller forgets cached token lookups (token_cache.h).
[[nodiscard]] Result<ApiToken> RevokeToken(store::Workspace& ws, std::string_view user_name,
                                           std::int64_t token_id);
// The enabled user owning `token`, or kNotFound.
[[nodiscard]] Result<User> FindUserByToken(store::Workspace& ws, std::string_view token);

}  // namespace parley::server
