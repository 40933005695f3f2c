// parley/core/sha256.h — SHA-256 digests (libsodium), as raw bytes or lower-case hex.
//
//   Sha256 h; h.Update("abc"); std::string hex = h.FinishHex();
#pragma once

#include <sodium.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace parley {

using Digest = std::array<std::uint8_t, 32>;

class Sha256 {
 public:
  Sha256();
  void Update(std::string_view bytes);
  [[nodiscard]] Digest Finish();
  [[nodiscard]] std::string FinishHex();

 private:
  crypto_hash_sha256_state state_;
};

[[nodiscard]] std::string ToHex(const Digest& digest);
[[nodiscard]] std::string Sha256Hex(std::string_view bytes);

}  // namespace parley
