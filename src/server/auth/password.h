// parley/server/auth/password.h — password hashing with Argon2id (libsodium crypto_pwhash_str).
//
// Contract: HashPassword returns a self-describing PHC string ("$argon2id$v=19$m=...") that
// carries its own salt and cost, so costs can rise later without a schema change;
// VerifyPassword compares in constant time and answers false (never an error) for a wrong
// password or a malformed hash. Passwords shorter than kMinPasswordLength are refused.
//
// Why libsodium's interactive limits: a login must answer in well under a second on a
// 2-core machine while an offline guesser still pays 64 MiB and several passes per guess.
//
//   auto hash = HashPassword("correct horse battery");
//   bool ok = VerifyPassword(*hash, typed);
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace parley::server {

inline constexpr std::size_t kMinPasswordLength = 10;

[[nodiscard]] Result<std::string> HashPassword(std::string_view password);
[[nodiscard]] bool VerifyPassword(std::string_view hash, std::string_view password);

}  // namespace parley::server
