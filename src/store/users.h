// parley/store/users.h — the rows of the workspace's users and their API tokens (tables
// `users`, `api_tokens`).
//
// Contract: plain rows in, plain rows out. The policy around them stays with the server
// (server/auth/user_store.h): password hashing, token secrets, roles and their sides, name rules.
// A role is stored and returned as its name; UpdateUserRow changes a row only at the version
// the caller read (false when it moved on), and bumps the version. A token is looked up by
// its SHA-256 digest only: the secret never reaches the store, and no row read back carries
// the digest either (ApiTokenRow: what a token is, not what proves it).
//
//   PARLEY_TRY(InsertUser(ws, {"olena", hash, "clerk", "ua", now}));
//   PARLEY_ASSIGN_OR_RETURN(std::optional<UserRow> u, UserNamed(ws, "olena"));
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "store/workspace.h"

namespace parley::store {

struct UserRow {
  std::int64_t id = 0;
  std::string name;
  std::string role;
  std::string side;
  bool disabled = false;
  std::int64_t version = 1;
  std::string created_at;
  std::string updated_at;
  std::optional<std::string> language;  // the interface language chosen; nullopt: not yet
};

struct NewUserRow {
  std::string name;
  std::string password_hash;
  std::string role;
  std::string side;
  std::string created_at;  // also the first updated_at
};

// What a sign-in checks, and nothing else.
struct UserCredentials {
  std::int64_t id = 0;
  std::string password_hash;
  bool disabled = false;
};

// The full new state of a user row; an empty password_hash keeps the stored one.
struct UserRowUpdate {
  std::string role;
  std::string side;
  bool disabled = false;
  std::string password_hash;
  std::string updated_at;
};

// kConflict when the name is taken (the unique constraint).
[[nodiscard]] Result<void> InsertUser(Workspace& ws, const NewUserRow& user);
[[nodiscard]] Result<std::optional<UserRow>> UserNamed(Workspace& ws, std::string_view name);
[[nodiscard]] Result<std::optional<UserRow>> UserWithId(Workspace& ws, std::int64_t id);
// Every user, by name.
[[nodiscard]] Result<std::vector<UserRow>> AllUsers(Workspace& ws);
// False (and nothing written) when the row is no longer at `expected_version`.
[[nodiscard]] Result<bool> UpdateUserRow(Workspace& ws, std::int64_t id,
                                         std::int64_t expected_version,
                                         const UserRowUpdate& update);
// Sets the user's interface language (the code is the server's to check). A preference, not
// a change of the account: version, updated_at and sessions stay. False when there is no such
// user.
[[nodiscard]] Result<bool> SetUserLanguage(Workspace& ws, std::int64_t id,
                                           std::string_view language);
[[nodiscard]] Result<std::optional<UserCredentials>> CredentialsOf(Workspace& ws,
                                                                   std::string_view name);

// A user's API token as an administrator may see it: never its digest.
struct ApiTokenRow {
  std::int64_t id = 0;
  std::string created_at;
  bool revoked = false;
};

// The new token's id.
[[nodiscard]] Result<std::int64_t> InsertApiToken(Workspace& ws, std::int64_t user_id,
                                                  std::string_view token_sha256,
                                                  std::string_view created_at);
// Every token of the user, revoked ones too, newest first.
[[nodiscard]] Result<std::vector<ApiTokenRow>> ApiTokensOfUser(Workspace& ws, std::int64_t user_id);
// Marks the user's token `token_id` revoked (again: no change). False when the user has no
// token with that id. A revoked token is kept as a row and never authenticates again.
[[nodiscard]] Result<bool> RevokeApiToken(Workspace& ws, std::int64_t user_id,
                                          std::int64_t token_id);
// The enabled user owning the unrevoked token with this digest (one statement: it runs on
// every request a script makes).
[[nodiscard]] Result<std::optional<UserRow>> UserWithTokenDigest(Workspace& ws,
                                                                 std::string_view token_sha256);

}  // namespace parley::store
