#include "server/auth/secret_token.h"

#include <sodium.h>

#include <array>

#include "core/sha256.h"

namespace parley::server {

std::string NewSecret(std::string_view prefix) {
  // Idempotent; randombytes falls back to the kernel source even if init failed.
  [[maybe_unused]] int initialised = sodium_init();
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::array<char, sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)> text{};
  sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return std::string(prefix) + text.data();
}

std::string TokenDigest(std::string_view secret) { return Sha256Hex(secret); }

bool SecretsEqual(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace parley::server
