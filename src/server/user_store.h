// parley/server/user_store.h — the workspace's users and their API tokens (table `users`).
//
// Contract: a user has a unique name, an Argon2id password hash, one role and one side.
// Every change to a user goes through UpdateUser with the version the caller last read; a
// stale version is kConflict (HTTP 409) and changes nothing. API tokens are stored only as
// SHA-256 digests; the secret is returned once by CreateToken.
//
// Why free functions over a Database&: the server holds one connection per worker thread
// (workspace_pool.h) and the CLI opens its own; neither should own the other's connection.
//
//   PARLEY_ASSIGN_OR_RETURN(User u, AddUser(db, {"olena", Role::kClerk, "ua"}, password));
//   PARLEY_ASSIGN_OR_RETURN(std::string token, CreateToken(db, "olena"));
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "server/roles.h"
#include "store/sqlite_db.h"

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
};

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

[[nodiscard]] Result<User> AddUser(store::Database& db, const NewUser& user,
                                   std::string_view password);
[[nodiscard]] Result<User> FindUser(store::Database& db, std::string_view name);
[[nodiscard]] Result<User> FindUserById(store::Database& db, std::int64_t id);
[[nodiscard]] Result<std::vector<User>> ListUsers(store::Database& db);
// kConflict when `expected_version` is not the stored one. Ends the user's sessions
// (session_store.h) in the same transaction.
[[nodiscard]] Result<User> UpdateUser(store::Database& db, std::string_view name,
                                      std::int64_t expected_version, const UserChange& change);
// The user when name and password match an enabled user; kInvalidInput otherwise, with the
// same message whether the name or the password was wrong.
[[nodiscard]] Result<User> CheckPassword(store::Database& db, std::string_view name,
                                         std::string_view password);

[[nodiscard]] Result<std::string> CreateToken(store::Database& db, std::string_view user_name);
// The enabled user owning `token`, or kNotFound.
[[nodiscard]] Result<User> FindUserByToken(store::Database& db, std::string_view token);

}  // namespace parley::server
