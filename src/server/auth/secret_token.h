// parley/server/auth/secret_token.h — random bearer secrets (session ids, CSRF and API tokens).
//
// Contract: NewSecret returns 32 random bytes (libsodium's CSPRNG) as URL-safe base64
// without padding, prefixed with `prefix`; the store keeps only TokenDigest (SHA-256 hex) of a
// secret, so a copy of the database does not let anyone sign in. SecretsEqual compares in
// constant time.
//
//   std::string token = NewSecret("pt_");        // shown once to the user
//   std::string stored = TokenDigest(token);     // what the database keeps
#pragma once

#include <string>
#include <string_view>

namespace parley::server {

[[nodiscard]] std::string NewSecret(std::string_view prefix);
[[nodiscard]] std::string TokenDigest(std::string_view secret);
[[nodiscard]] bool SecretsEqual(std::string_view a, std::string_view b);

}  // namespace parley::server
